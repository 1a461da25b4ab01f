/// One queue's figures as every broker source reports them, so one panel type and one rule
/// serve all brokers: `vigil_queue_depth`, `vigil_queue_consumers`, `vigil_queue_in_rate`,
/// `vigil_queue_out_rate`, plus broker-specific states, all labelled `system` and `queue`.
public struct QueueReading: Sendable, Equatable {
    /// The broker: `redis`, `rabbitmq`, `nats`, `beanstalkd`, `kafka`, or a preset (`celery`...).
    public var system: String
    public var queue: String
    /// Messages waiting (ready + not yet delivered), the figure everyone means by "depth".
    public var depth: Double
    public var consumers: Double?
    /// Messages per second in and out, where the broker reports rates.
    public var inRate: Double?
    public var outRate: Double?
    /// Extra states by name (`ready`, `unacked`, `reserved`, `delayed`, `buried`, `pending`,
    /// `lag`, `oldest_age_seconds`...), each written as `vigil_queue_<name>`.
    public var extra: [(String, Double)]
    /// More labels (`vhost`, `stream`, `consumer`, `tube`...).
    public var labels: [(String, String)]

    public init(system: String, queue: String, depth: Double, consumers: Double? = nil, inRate: Double? = nil,
                outRate: Double? = nil, extra: [(String, Double)] = [], labels: [(String, String)] = []) {
        self.system = system
        self.queue = queue
        self.depth = depth
        self.consumers = consumers
        self.inRate = inRate
        self.outRate = outRate
        self.extra = extra
        self.labels = labels
    }

    public static func == (a: QueueReading, b: QueueReading) -> Bool {
        a.system == b.system && a.queue == b.queue && a.depth == b.depth && a.consumers == b.consumers
            && a.inRate == b.inRate && a.outRate == b.outRate
            && a.extra.map(\.0) == b.extra.map(\.0) && a.extra.map(\.1) == b.extra.map(\.1)
            && a.labels.map(\.0) == b.labels.map(\.0) && a.labels.map(\.1) == b.labels.map(\.1)
    }

    /// Help texts of the standard families.
    static let help: [String: String] = [
        "depth": "Messages waiting in the queue.",
        "consumers": "Consumers attached to the queue.",
        "in_rate": "Messages per second entering the queue.",
        "out_rate": "Messages per second leaving the queue (delivered or acknowledged).",
    ]

    /// Writes readings as an exposition, grouped by family as the text format requires.
    public static func exposition(_ readings: [QueueReading]) -> [UInt8] {
        var families: [String: [(labels: [(String, String)], value: Double)]] = [:]
        var order: [String] = []
        func add(_ name: String, _ r: QueueReading, _ v: Double) {
            if families[name] == nil { order.append(name) }
            families[name, default: []].append(([("system", r.system), ("queue", r.queue)] + r.labels, v))
        }
        for r in readings {
            add("depth", r, r.depth)
            if let c = r.consumers { add("consumers", r, c) }
            if let i = r.inRate { add("in_rate", r, i) }
            if let o = r.outRate { add("out_rate", r, o) }
            for (name, v) in r.extra { add(name, r, v) }
        }
        var w = ExpositionWriter()
        for name in order {
            let metric = "vigil_queue_\(name)"
            w.family(metric, "gauge", help[name] ?? "Queue state \(name.replacingOccurrences(of: "_", with: " ")).")
            for s in families[name] ?? [] { w.sample(metric, labels: s.labels, s.value) }
        }
        return w.bytes
    }
}
