/// A running total a broker keeps for a queue (jobs put, messages published or delivered),
/// written as a Prometheus counter `vigil_queue_<name>_total` with the same `system` and `queue`
/// labels as `QueueReading`, so `rate(vigil_queue_enqueued_total[1m])` gives a rate for brokers
/// that report totals but no rates (beanstalkd, NATS JetStream).
public struct QueueCounter: Sendable, Equatable {
    public var system: String
    public var queue: String
    /// `enqueued`, `delivered`, `deleted`...: the family is `vigil_queue_<name>_total`.
    public var name: String
    public var value: Double
    public var labels: [(String, String)]

    public init(system: String, queue: String, name: String, value: Double, labels: [(String, String)] = []) {
        self.system = system
        self.queue = queue
        self.name = name
        self.value = value
        self.labels = labels
    }

    public static func == (a: QueueCounter, b: QueueCounter) -> Bool {
        a.system == b.system && a.queue == b.queue && a.name == b.name && a.value == b.value
            && a.labels.map(\.0) == b.labels.map(\.0) && a.labels.map(\.1) == b.labels.map(\.1)
    }

    static let help: [String: String] = [
        "enqueued": "Messages or jobs ever put into the queue (as far as the broker remembers).",
        "delivered": "Messages or jobs ever handed to consumers, redeliveries included.",
        "deleted": "Jobs deleted from the tube (finished by workers).",
    ]

    /// Writes counters as an exposition, grouped by family.
    public static func exposition(_ counters: [QueueCounter]) -> [UInt8] {
        var families: [String: [QueueCounter]] = [:]
        var order: [String] = []
        for c in counters {
            if families[c.name] == nil { order.append(c.name) }
            families[c.name, default: []].append(c)
        }
        var w = ExpositionWriter()
        for name in order {
            let metric = "vigil_queue_\(name)_total"
            w.family(metric, "counter", help[name] ?? "Queue total \(name.replacingOccurrences(of: "_", with: " ")).")
            for c in families[name] ?? [] {
                w.sample(metric, labels: [("system", c.system), ("queue", c.queue)] + c.labels, c.value)
            }
        }
        return w.bytes
    }
}
