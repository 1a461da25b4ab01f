import Foundation
import RESP

/// Sidekiq's layout: the `queues` set names the queues, each a list `queue:NAME` (pushed on the
/// left, fetched from the right, so the oldest job is the last element; its JSON `enqueued_at` gives
/// the queue's latency, as `Sidekiq::Queue#latency` computes it). The `retry`, `schedule` and `dead`
/// sorted sets are reported as queues of those names with a `set` label (they hold jobs, but not
/// ones waiting for a worker, so `vigil_queue_depth{set=""}` selects the real queues). Running
/// processes register in the `processes` set (hash `info` JSON lists their queues) and their jobs in
/// progress in `<identity>:workers`: live, non-quiet processes serving a queue are its consumers,
/// its jobs in progress its `busy`.
extension RedisQueueSource {
    func readSidekiq(_ session: RedisPollSession, into out: inout RedisQueueExposition) async throws(PollError) {
        let ns = namespace.map { $0.isEmpty ? "" : $0 + ":" } ?? ""
        let sets = ["retry", "schedule", "dead"]
        // Round trip 1: queue and process names, and the sizes of the job sets.
        let first = [["SMEMBERS", ns + "queues"], ["SMEMBERS", ns + "processes"]] + sets.map { ["ZCARD", ns + $0] }
        let replies = try await session.pipeline(first)
        var queues = try session.strings(replies[0], for: first[0]).sorted()
        let processes = try session.strings(replies[1], for: first[1]).sorted()

        // Round trip 2: each queue's length and oldest job; each process's info and jobs in progress.
        var second: [[String]] = []
        for q in queues { second += [["LLEN", ns + "queue:" + q], ["LINDEX", ns + "queue:" + q, "-1"]] }
        for p in processes { second += [["HMGET", ns + p, "info", "quiet"], ["HVALS", ns + p + ":workers"]] }
        let values = try await session.pipeline(second)
        var depth: [String: Double] = [:]
        var age: [String: Double] = [:]
        let now = Date().timeIntervalSince1970
        for (i, q) in queues.enumerated() {
            depth[q] = try session.count(values[2 * i], for: second[2 * i])
            let oldest = try session.optionalString(values[2 * i + 1], for: second[2 * i + 1])
            age[q] = oldest.flatMap { Self.sidekiqEnqueuedAt($0) }.map { max(0, now - $0) } ?? 0
        }
        var consumers: [String: Double] = [:]
        var busy: [String: Double] = [:]
        let base = 2 * queues.count
        for (j, _) in processes.enumerated() {
            let infoCommand = second[base + 2 * j], infoReply = values[base + 2 * j]
            guard let fields = infoReply.array, fields.count == 2 else { throw session.failure(infoCommand, infoReply) }
            // A process whose hash expired has died; Sidekiq's own ProcessSet skips it too.
            guard let info = fields[0].string else { continue }
            let quiet = fields[1].string == "true"
            if !quiet {
                for q in Self.sidekiqProcessQueues(info) { consumers[q, default: 0] += 1 }
            }
            let workersCommand = second[base + 2 * j + 1]
            for job in try session.strings(values[base + 2 * j + 1], for: workersCommand) {
                if let q = Self.jsonObject(job)?["queue"] as? String { busy[q, default: 0] += 1 }
            }
        }
        // Queues served by a process but never pushed to are still queues (of depth 0).
        let listed = Set(queues)
        queues += Set(consumers.keys).union(busy.keys).subtracting(listed).sorted()
        for q in queues {
            out.add(QueueReading(system: "sidekiq", queue: q, depth: depth[q] ?? 0, consumers: consumers[q] ?? 0,
                                 extra: [("oldest_age_seconds", age[q] ?? 0), ("busy", busy[q] ?? 0)]))
        }
        for (i, set) in sets.enumerated() {
            out.add(QueueReading(system: "sidekiq", queue: set, depth: try session.count(replies[2 + i], for: first[2 + i]),
                                 labels: [("set", set)]))
        }
    }

    /// A job's `enqueued_at` in seconds since the epoch: a float in seconds (Sidekiq ≤ 7) or an
    /// integer in milliseconds (Sidekiq 8).
    static func sidekiqEnqueuedAt(_ job: String) -> Double? {
        guard let object = jsonObject(job), let n = object["enqueued_at"] as? NSNumber else { return nil }
        let t = n.doubleValue
        guard t.isFinite, t > 0 else { return nil }
        return t > 1e11 ? t / 1000 : t
    }

    /// The queues a process's `info` JSON says it fetches from (names only; weights are separate).
    static func sidekiqProcessQueues(_ info: String) -> [String] {
        guard let queues = jsonObject(info)?["queues"] as? [Any] else { return [] }
        var seen = Set<String>()
        return queues.compactMap { q -> String? in
            guard let name = q as? String, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// A JSON object from text, or nil for anything else (bodies are untrusted: never trap).
    static func jsonObject(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
