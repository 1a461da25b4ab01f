import Foundation
import RESP

/// Celery on its Redis broker (kombu's Redis transport): every queue is a list named after the
/// queue, found through the exchange binding sets `_kombu.binding.<exchange>` whose members are
/// `routing_key \x06\x16 pattern \x06\x16 queue`. With priorities, kombu adds one list per priority
/// step, `<queue>\x06\x16<step>` (or `<queue>:<step>` with the `sep: ':'` Celery's docs suggest);
/// their lengths are summed into the queue. Messages delivered to workers but not yet
/// acknowledged sit in the `unacked` hash (`[message, exchange, routing_key]` JSON values) and are
/// reported per queue as `unacked`.
extension RedisQueueSource {
    /// kombu's separator between binding fields and before a priority step.
    static let celerySeparator = "\u{06}\u{16}"
    /// Priority suffixes probed per queue: kombu's default steps (3, 6, 9) and the `range(10)`
    /// Celery's priority docs configure. Missing lists cost a null `LLEN` each.
    static let celeryPrioritySteps = 1...9
    /// Up to this many unacked messages are attributed to their queues from the hash's values;
    /// above it only the total is reported (`vigil_queue_unacked{system="celery"}`, no queue), as
    /// reading every unacked message body on each poll would cost too much.
    static let celeryUnackedAttributionLimit = 1000

    func readCelery(_ session: RedisPollSession, into out: inout RedisQueueExposition) async throws(PollError) {
        let prefix = namespace ?? ""
        let bindingPrefix = prefix + "_kombu.binding."
        let bindingKeys = try await session.scan(Self.globEscaped(bindingPrefix) + "*").sorted()
        // Round trip 1: the binding tables and the number of unacked messages.
        var commands = bindingKeys.map { ["SMEMBERS", $0] }
        commands.append(["HLEN", prefix + "unacked"])
        let replies = try await session.pipeline(commands)
        var queues: [String] = []
        var known = Set<String>()
        var routes: [String: [String: String]] = [:]  // exchange → routing key → queue
        for (i, key) in bindingKeys.enumerated() {
            let exchange = String(key.dropFirst(bindingPrefix.count))
            if Self.isCeleryControlExchange(exchange) { continue }
            for member in try session.strings(replies[i], for: commands[i]) {
                guard let fields = Self.celeryBinding(member) else { continue }
                let queue = fields.queue
                if known.insert(queue).inserted { queues.append(queue) }
                if routes[exchange, default: [:]][fields.routingKey] == nil { routes[exchange, default: [:]][fields.routingKey] = queue }
            }
        }
        let unacked = try session.count(replies[bindingKeys.count], for: commands[bindingKeys.count])
        guard !queues.isEmpty || unacked > 0 else { return }

        // Round trip 2: every priority list of every queue, and the unacked messages if few.
        var lengths: [[String]] = []
        var owners: [Int] = []
        for (q, queue) in queues.enumerated() {
            for key in Self.celeryPriorityKeys(queue, known: known) {
                lengths.append(["LLEN", prefix + key])
                owners.append(q)
            }
        }
        let attribute = unacked > 0 && unacked <= Double(Self.celeryUnackedAttributionLimit)
        if attribute { lengths.append(["HVALS", prefix + "unacked"]) }
        let values = try await session.pipeline(lengths)
        var depths = Array(repeating: 0.0, count: queues.count)
        for (i, owner) in owners.enumerated() {
            depths[owner] += try session.count(values[i], for: lengths[i])
        }
        var unackedByQueue: [String: Double] = [:]
        var unattributed = attribute ? 0 : unacked
        if attribute, let last = lengths.last {
            for message in try session.strings(values[values.count - 1], for: last) {
                if let queue = Self.celeryQueue(ofUnacked: message, routes: routes, known: known) {
                    unackedByQueue[queue, default: 0] += 1
                } else {
                    unattributed += 1
                }
            }
        }
        for (q, queue) in queues.enumerated() {
            let extra: [(String, Double)] = unacked > 0 && !attribute ? [] : [("unacked", unackedByQueue[queue] ?? 0)]
            out.add(QueueReading(system: "celery", queue: queue, depth: depths[q], extra: extra))
        }
        if unattributed > 0 { out.add("unacked", labels: [("system", "celery")], unattributed) }
    }

    /// The list keys holding `queue`'s messages: the queue itself and its priority lists. A `:N`
    /// name that is itself a bound queue is that queue, not a priority list of this one.
    static func celeryPriorityKeys(_ queue: String, known: Set<String>) -> [String] {
        var keys = [queue]
        for step in celeryPrioritySteps {
            keys.append(queue + celerySeparator + String(step))
            let colon = queue + ":" + String(step)
            if !known.contains(colon) { keys.append(colon) }
        }
        return keys
    }

    /// A binding member's routing key and queue. kombu joins `routing_key`, `pattern` and `queue`
    /// with its separator: `\x06\x16` by default, `:` when configured with `sep: ':'`.
    static func celeryBinding(_ member: String) -> (routingKey: String, queue: String)? {
        let fields = member.components(separatedBy: celerySeparator)
        if fields.count == 3 { return fields[2].isEmpty ? nil : (fields[0], fields[2]) }
        guard fields.count == 1 else { return nil }
        let parts = member.components(separatedBy: ":")
        if parts.count == 3 { return parts[2].isEmpty ? nil : (parts[0], parts[2]) }
        // Names with colons: `rk::queue` (empty pattern) with the routing key equal to the queue.
        guard let range = member.range(of: "::", options: .backwards) else { return nil }
        let queue = String(member[range.upperBound...])
        return queue.isEmpty ? nil : (String(member[..<range.lowerBound]), queue)
    }

    /// Exchanges Celery uses for remote control and events (fanout over pub/sub, or transient
    /// reply queues), not task queues.
    static func isCeleryControlExchange(_ exchange: String) -> Bool {
        exchange == "celeryev" || exchange.hasSuffix(".pidbox")
    }

    /// The queue an unacked message came from, from its exchange and routing key: the default
    /// exchange routes by queue name; a named exchange through its binding table.
    static func celeryQueue(ofUnacked value: String, routes: [String: [String: String]], known: Set<String>) -> String? {
        guard let data = value.data(using: .utf8),
              let array = try? JSONSerialization.jsonObject(with: data) as? [Any], array.count >= 3,
              let exchange = array[1] as? String, let routingKey = array[2] as? String else { return nil }
        if !exchange.isEmpty, let queue = routes[exchange]?[routingKey] { return queue }
        return known.contains(routingKey) ? routingKey : nil
    }

    /// `s` with Redis glob metacharacters escaped, for use as a literal `SCAN MATCH` prefix.
    static func globEscaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "*" || c == "?" || c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
