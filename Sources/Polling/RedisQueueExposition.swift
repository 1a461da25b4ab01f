/// The series of one Redis poll: `QueueReading`s, plus samples whose labels differ from a queue's
/// (a stream's per-consumer-group `pending`, `lag` and `consumers` carry a `group` label; Celery's
/// unacked messages that cannot be told apart by queue carry only `system`). Families are merged by
/// name, so a family holds both kinds of sample and appears once, as the text format requires.
struct RedisQueueExposition {
    private(set) var readings: [QueueReading] = []
    /// Samples beside the readings: family suffix (`pending` → `vigil_queue_pending`), labels, value.
    private(set) var samples: [(name: String, labels: [(String, String)], value: Double)] = []

    mutating func add(_ reading: QueueReading) { readings.append(reading) }

    mutating func add(_ name: String, labels: [(String, String)], _ value: Double) {
        samples.append((name, labels, value))
    }

    func bytes() -> [UInt8] {
        if samples.isEmpty { return QueueReading.exposition(readings) }
        var families: [String: [(labels: [(String, String)], value: Double)]] = [:]
        var order: [String] = []
        func put(_ name: String, _ labels: [(String, String)], _ v: Double) {
            if families[name] == nil { order.append(name) }
            families[name, default: []].append((labels, v))
        }
        for r in readings {
            let labels = [("system", r.system), ("queue", r.queue)] + r.labels
            put("depth", labels, r.depth)
            if let c = r.consumers { put("consumers", labels, c) }
            if let i = r.inRate { put("in_rate", labels, i) }
            if let o = r.outRate { put("out_rate", labels, o) }
            for (name, v) in r.extra { put(name, labels, v) }
        }
        for s in samples { put(s.name, s.labels, s.value) }
        var w = ExpositionWriter()
        for name in order {
            let metric = "vigil_queue_\(name)"
            w.family(metric, "gauge", QueueReading.help[name] ?? "Queue state \(name.replacingOccurrences(of: "_", with: " ")).")
            for s in families[name] ?? [] { w.sample(metric, labels: s.labels, s.value) }
        }
        return w.bytes
    }
}
