/// The slow path a scrape cache takes on a miss: decoded, normalized, sorted labels and the
/// family type of the current series.
extension ExpositionParser {
    /// The series' labels including `("__name__", name)`, escapes decoded, sorted by name (bytewise,
    /// as Go sorts). Like Prometheus 3.x, `le` is normalized when the last TYPE line said histogram
    /// and `quantile` when it said summary (`le="1"` → `le="1.0"`, via `FormatOpenMetricsFloat`).
    public mutating func labels() -> [(name: String, value: String)] {
        scanPendingLabels()
        let b = labelBounds
        var out: [(name: String, value: String)] = []
        out.reserveCapacity(b.count / 4 + 1)
        out.append((name: "__name__", value: metricName))
        var k = 0
        while k < b.count {
            let name = EscapedBytes.string(base, b[k], b[k + 1])
            var value = EscapedBytes.string(base, b[k + 2], b[k + 3])
            if (lastType == .histogram && name == "le") || (lastType == .summary && name == "quantile"),
               let f = GoFloatParser.parse(base, b[k + 2], b[k + 3], allowHex: true) {
                value = OpenMetricsFloat.format(f)
            }
            out.append((name: name, value: value))
            k += 4
        }
        out.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return out
    }

    /// The TYPE of the family this series belongs to, `unknown` if none.
    ///
    /// OpenMetrics: the family the series was grouped into. Prometheus text: the last TYPE line's
    /// type when the series name belongs to that family (Prometheus's `isSeriesPartOfFamily`:
    /// `_total` for counters, `_bucket`/`_sum`/`_count` for histograms, `_sum`/`_count` for summaries).
    public var familyType: MetricType {
        switch format {
        case .openMetrics:
            return family.active ? (family.type ?? .unknown) : .unknown
        case .prometheusText:
            guard lastTypeNameStart >= 0 else { return .unknown }
            if labelsPending {
                var scanned = self
                scanned.scanPendingLabels()
                return scanned.seriesBelongsToLastType() ? lastType : .unknown
            }
            return seriesBelongsToLastType() ? lastType : .unknown
        }
    }

    private func decoded(_ s: Int, _ e: Int) -> [UInt8] {
        var out: [UInt8] = []
        var it = EscapedBytes(base, s, e)
        while let c = it.next() { out.append(c) }
        return out
    }

    private func seriesBelongsToLastType() -> Bool {
        let name = decoded(nameStart, nameEnd)
        var familyName = decoded(lastTypeNameStart, lastTypeNameEnd)
        guard name.starts(with: familyName) else { return false }
        func cut(_ bytes: [UInt8], _ suffix: StaticString) -> [UInt8]? {
            let s = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            guard bytes.count >= s.count, bytes.suffix(s.count).elementsEqual(s) else { return nil }
            return Array(bytes.dropLast(s.count))
        }
        var got = name
        switch lastType {
        case .counter:
            familyName = cut(familyName, "_total") ?? familyName
            got = cut(name, "_total") ?? name
        case .histogram:
            got = cut(name, "_bucket") ?? cut(name, "_sum") ?? cut(name, "_count") ?? name
        case .gaugehistogram:
            got = cut(name, "_bucket") ?? cut(name, "_gsum") ?? cut(name, "_gcount") ?? name
        case .summary:
            got = cut(name, "_sum") ?? cut(name, "_count") ?? name
        case .info:
            familyName = cut(familyName, "_info") ?? familyName
            got = cut(name, "_info") ?? name
        default:
            break
        }
        return got == familyName
    }
}
