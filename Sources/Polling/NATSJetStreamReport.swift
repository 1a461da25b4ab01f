/// What `/jsz?streams=true&consumers=true` says, turned into queue readings, counters and a few
/// server-wide JetStream figures (`vigil_nats_jetstream_*`). Reads only the fields it needs and
/// tolerates missing ones (older servers, streams without consumers).
struct NATSJetStreamReport {
    var readings: [QueueReading] = []
    var counters: [QueueCounter] = []
    /// Server-wide figures: (name, type, help, value).
    var totals: [(String, String, String, Double)] = []

    /// Reads one `/jsz` reply.
    mutating func add(_ json: Any) throws(PollError) {
        guard let top = BrokerHTTP.object(json) else {
            throw PollError("NATS: unexpected reply to /jsz: not a JSON object")
        }
        if top["disabled"] as? Bool == true {
            throw PollError("NATS: JetStream is not enabled on this server (start nats-server with -js)")
        }
        addTotals(top)
        var seen = Set<String>()
        for account in BrokerHTTP.array(top["account_details"]) ?? [] {
            guard let a = BrokerHTTP.object(account) else { continue }
            let accountName = BrokerHTTP.string(a["name"]) ?? BrokerHTTP.string(a["id"]) ?? ""
            guard seen.insert(accountName).inserted else { continue }
            for stream in BrokerHTTP.array(a["stream_detail"]) ?? [] {
                addStream(stream, account: accountName)
            }
        }
    }

    private mutating func addTotals(_ top: [String: Any]) {
        let gauges: [(String, String, String)] = [
            ("streams", "streams", "JetStream streams on this server."),
            ("consumers", "consumers", "JetStream consumers on this server."),
            ("messages", "messages", "Messages stored in JetStream streams on this server."),
            ("bytes", "bytes", "Bytes stored in JetStream streams on this server."),
            ("memory", "memory_bytes", "JetStream memory storage in use."),
            ("storage", "storage_bytes", "JetStream file storage in use."),
        ]
        for (key, name, help) in gauges {
            if let v = BrokerHTTP.number(top[key]) { totals.append(("vigil_nats_jetstream_" + name, "gauge", help, v)) }
        }
        let api = BrokerHTTP.object(top["api"])
        if let v = BrokerHTTP.number(api?["total"]) {
            totals.append(("vigil_nats_jetstream_api_requests_total", "counter", "JetStream API requests served.", v))
        }
        if let v = BrokerHTTP.number(api?["errors"]) {
            totals.append(("vigil_nats_jetstream_api_errors_total", "counter", "JetStream API requests that failed.", v))
        }
    }

    private mutating func addStream(_ value: Any, account: String) {
        guard let s = BrokerHTTP.object(value), let name = BrokerHTTP.string(s["name"]) else { return }
        let state = BrokerHTTP.object(s["state"])
        let labels = [("account", account), ("stream", name)]
        let consumers = BrokerHTTP.array(s["consumer_detail"]) ?? []
        var extra: [(String, Double)] = []
        if let bytes = BrokerHTTP.number(state?["bytes"]) { extra.append(("bytes", bytes)) }
        readings.append(QueueReading(
            system: "nats", queue: name, depth: BrokerHTTP.number(state?["messages"]) ?? 0,
            consumers: BrokerHTTP.number(state?["consumer_count"]) ?? Double(consumers.count), extra: extra, labels: labels))
        if let last = BrokerHTTP.number(state?["last_seq"]) {
            counters.append(QueueCounter(system: "nats", queue: name, name: "enqueued", value: last, labels: labels))
        }
        for consumer in consumers {
            guard let c = BrokerHTTP.object(consumer), let cname = BrokerHTTP.string(c["name"]) else { continue }
            let queue = "\(name)/\(cname)"
            let clabels = labels + [("consumer", cname)]
            var cextra: [(String, Double)] = []
            for (key, extraName) in [("num_pending", "pending"), ("num_ack_pending", "ack_pending"),
                                     ("num_redelivered", "redelivered"), ("num_waiting", "waiting")] {
                cextra.append((extraName, BrokerHTTP.number(c[key]) ?? 0))
            }
            readings.append(QueueReading(system: "nats", queue: queue, depth: BrokerHTTP.number(c["num_pending"]) ?? 0,
                                         extra: cextra, labels: clabels))
            if let delivered = BrokerHTTP.number(BrokerHTTP.object(c["delivered"])?["consumer_seq"]) {
                counters.append(QueueCounter(system: "nats", queue: queue, name: "delivered", value: delivered, labels: clabels))
            }
        }
    }

    func exposition() -> [UInt8] {
        var w = ExpositionWriter(capacity: 1024)
        for (name, type, help, v) in totals {
            w.family(name, type, help)
            w.sample(name, v)
        }
        return QueueReading.exposition(readings) + QueueCounter.exposition(counters) + w.bytes
    }
}
