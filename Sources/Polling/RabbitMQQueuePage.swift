/// One response of `GET /api/queues`: a paged object (`items`, `page_count`) or, from servers
/// without paging, a plain array. Tolerant of missing fields: idle queues have no
/// `message_stats`, queues whose node is down have no counts (those are skipped, since a
/// zero would be a lie).
struct RabbitMQQueuePage {
    struct Queue {
        var name: String
        var reading: QueueReading
        var counters: [QueueCounter]
    }

    var queues: [Queue] = []
    /// nil when the server did not page.
    var pageCount: Int?

    init(_ json: Any) throws(PollError) {
        let items: [Any]
        if let object = BrokerHTTP.object(json) {
            guard let list = BrokerHTTP.array(object["items"]) else {
                throw PollError("RabbitMQ: unexpected reply to /api/queues: an object without \"items\"")
            }
            items = list
            pageCount = BrokerHTTP.number(object["page_count"]).map { Int(max(0, min($0, 1e6))) }
        } else if let list = BrokerHTTP.array(json) {
            items = list
        } else {
            throw PollError("RabbitMQ: unexpected reply to /api/queues: not a list of queues")
        }
        for item in items {
            if let q = Self.queue(item) { queues.append(q) }
        }
    }

    static func queue(_ item: Any) -> Queue? {
        guard let q = BrokerHTTP.object(item), let name = BrokerHTTP.string(q["name"]) else { return nil }
        let vhost = BrokerHTTP.string(q["vhost"]) ?? ""
        let ready = BrokerHTTP.number(q["messages_ready"])
        let unacked = BrokerHTTP.number(q["messages_unacknowledged"])
        let total = BrokerHTTP.number(q["messages"]) ?? ready.flatMap { r in unacked.map { r + $0 } }
        guard let depth = total else { return nil }
        let stats = BrokerHTTP.object(q["message_stats"])
        var extra: [(String, Double)] = []
        if let ready { extra.append(("ready", ready)) }
        if let unacked { extra.append(("unacked", unacked)) }
        let labels = [("vhost", vhost)]
        let reading = QueueReading(
            system: "rabbitmq", queue: name, depth: depth, consumers: BrokerHTTP.number(q["consumers"]),
            inRate: rate(stats, "publish"), outRate: rate(stats, "deliver_get"), extra: extra, labels: labels)
        var counters: [QueueCounter] = []
        for (key, counter) in [("publish", "enqueued"), ("deliver_get", "delivered")] {
            let value = stats == nil ? 0 : BrokerHTTP.number(stats?[key]) ?? 0
            counters.append(QueueCounter(system: "rabbitmq", queue: name, name: counter, value: value, labels: labels))
        }
        return Queue(name: name, reading: reading, counters: counters)
    }

    /// `message_stats.<key>_details.rate`. Absent stats or an absent count mean nothing happened
    /// yet (0); a count without details means the server keeps no rates (`rates_mode = none`): nil.
    static func rate(_ stats: [String: Any]?, _ key: String) -> Double? {
        guard let stats else { return 0 }
        if let r = BrokerHTTP.number(BrokerHTTP.object(stats[key + "_details"])?["rate"]) { return r }
        return stats[key] == nil ? 0 : nil
    }
}
