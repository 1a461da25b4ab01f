import Exposition

/// Queue readings derived from a kafka_exporter exposition: per consumer group and topic,
/// `vigil_queue_depth{system="kafka",queue=TOPIC,group=GROUP}` is the group's lag summed over
/// partitions (`kafka_consumergroup_lag_sum`, else the sum of `kafka_consumergroup_lag`, whose
/// `-1` for a partition without a committed offset counts as unknown, not as lag), and
/// `vigil_queue_consumers` the group's members (`kafka_consumergroup_members`). Labels the
/// exporter adds to everything (`--kafka.labels`, e.g. `cluster`) are kept.
enum KafkaLag {
    private struct Key: Hashable {
        var group: String
        var topic: String
        var extra: [String]  // alternating name, value
    }

    private struct Lag {
        var sum: Double?
        var partitionSum = 0.0
        var partitions = 0
        var withoutOffset = 0
    }

    /// Readings in a stable order (group, topic); nil when the body does not parse (the
    /// ingester then reports the parse error with its position).
    static func readings(_ body: [UInt8], format: ExpositionFormat) -> [QueueReading]? {
        var parser = ExpositionParser(bytes: body, format: format)
        var lags: [Key: Lag] = [:]
        var members: [Key: Double] = [:]
        do {
            while let entry = try parser.next() {
                guard case .series = entry else { continue }
                let name = parser.metricName
                guard name.hasPrefix("kafka_consumergroup_") else { continue }
                let v = parser.value
                switch name {
                case "kafka_consumergroup_lag":
                    guard let k = key(parser.labels(), topic: true) else { continue }
                    var lag = lags[k] ?? Lag()
                    lag.partitions += 1
                    if v >= 0 && v.isFinite { lag.partitionSum += v } else { lag.withoutOffset += 1 }
                    lags[k] = lag
                case "kafka_consumergroup_lag_sum":
                    guard let k = key(parser.labels(), topic: true), v.isFinite else { continue }
                    lags[k, default: Lag()].sum = v
                case "kafka_consumergroup_members":
                    guard let k = key(parser.labels(), topic: false), v.isFinite else { continue }
                    members[k] = v
                default:
                    continue
                }
            }
        } catch {
            return nil
        }
        return lags.keys.sorted { ($0.group, $0.topic, $0.extra.joined(separator: "\u{0}")) < ($1.group, $1.topic, $1.extra.joined(separator: "\u{0}")) }
            .map { k in
                let lag = lags[k] ?? Lag()
                var labels = [("group", k.group)]
                var i = 0
                while i + 1 < k.extra.count { labels.append((k.extra[i], k.extra[i + 1])); i += 2 }
                var extra: [(String, Double)] = []
                if lag.partitions > 0 {
                    extra.append(("partitions", Double(lag.partitions)))
                    extra.append(("partitions_without_offset", Double(lag.withoutOffset)))
                }
                return QueueReading(system: "kafka", queue: k.topic, depth: lag.sum ?? lag.partitionSum,
                                    consumers: members[Key(group: k.group, topic: "", extra: k.extra)],
                                    extra: extra, labels: labels)
            }
    }

    /// The grouping key of a series: its group, topic and any labels other than those and `partition`.
    private static func key(_ labels: [(name: String, value: String)], topic: Bool) -> Key? {
        var k = Key(group: "", topic: "", extra: [])
        var sawGroup = false, sawTopic = false
        for (name, value) in labels {
            switch name {
            case "__name__", "partition": continue
            case "consumergroup": k.group = value; sawGroup = true
            case "topic" where topic: k.topic = value; sawTopic = true
            default: k.extra += [name, value]
            }
        }
        return sawGroup && (sawTopic || !topic) ? k : nil
    }

    /// `body` with the derived families added: before `# EOF` for OpenMetrics, at the end otherwise.
    static func appending(_ derived: [UInt8], to body: [UInt8], format: ExpositionFormat) -> [UInt8] {
        guard !derived.isEmpty else { return body }
        if format == .openMetrics, let eof = eofLine(body) {
            return Array(body[..<eof]) + derived + Array(body[eof...])
        }
        var out = body
        if let last = out.last, last != 0x0A { out.append(0x0A) }
        return out + derived
    }

    /// Where the final `# EOF` line starts.
    private static func eofLine(_ body: [UInt8]) -> Int? {
        let marker = Array("# EOF".utf8)
        var end = body.count
        while end > 0 && (body[end - 1] == 0x0A || body[end - 1] == 0x0D) { end -= 1 }
        let start = end - marker.count
        guard start >= 0, Array(body[start..<end]) == marker, start == 0 || body[start - 1] == 0x0A else { return nil }
        return start
    }
}
