import Foundation
import RESP

/// BullMQ's layout (v5; `PREFIX` is `bull` unless configured, queue names never contain `:`):
/// `PREFIX:NAME:meta` (hash; `paused` field when paused) and `PREFIX:NAME:id` (job counter) exist for
/// every queue that ever had a job, and find the queues. Jobs waiting are the `wait` list (pushed on
/// the left, taken from the right: the oldest is the last; `paused` in releases before 5.x's
/// in-place pause) and the `prioritized` sorted set; depth is their sum. BullMQ's own
/// `getWaitingCount()` counts `wait` + `paused` only and reports `prioritized` separately, which is
/// also given as an extra. Other states are extras: `active` (list), `delayed`, `completed`,
/// `failed`, `waiting_children` (sorted sets), `paused` (1 when the queue is paused) and
/// `oldest_age_seconds` (from the oldest waiting job's `timestamp`, milliseconds since the epoch).
/// Releases before 5 kept a `0:…` marker at the end of `wait`; it is not counted.
extension RedisQueueSource {
    /// Per-queue commands after the two list lengths: (key suffix, command, extra name).
    static let bullmqStates: [(suffix: String, command: String, name: String)] = [
        ("prioritized", "ZCARD", "prioritized"), ("active", "LLEN", "active"), ("delayed", "ZCARD", "delayed"),
        ("completed", "ZCARD", "completed"), ("failed", "ZCARD", "failed"),
        ("waiting-children", "ZCARD", "waiting_children"),
    ]

    func readBullMQ(_ session: RedisPollSession, into out: inout RedisQueueExposition) async throws(PollError) {
        let prefix = (namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "bull") + ":"
        // One SCAN finds both `:meta` and `:id` keys; exact suffixes are checked below.
        let found = try await session.scan(Self.globEscaped(prefix) + "*:[im][de]*")
        var names = Set<String>()
        for key in found where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            for suffix in [":meta", ":id"] where rest.hasSuffix(suffix) {
                let name = rest.dropLast(suffix.count)
                if !name.isEmpty && !name.contains(":") { names.insert(String(name)) }
            }
        }
        let queues = names.sorted()
        guard !queues.isEmpty else { return }

        // Round trip 2: every state's size, the pause flag and the oldest waiting job.
        let perQueue = 2 + Self.bullmqStates.count + 2
        var second: [[String]] = []
        for q in queues {
            let base = prefix + q + ":"
            second.append(["LLEN", base + "wait"])
            second.append(["LLEN", base + "paused"])
            for s in Self.bullmqStates { second.append([s.command, base + s.suffix]) }
            second.append(["HEXISTS", base + "meta", "paused"])
            second.append(["LINDEX", base + "wait", "-1"])
        }
        let values = try await session.pipeline(second)

        // Round trip 3: when the oldest waiting jobs were added.
        var third: [[String]] = []
        var ageAt: [Int?] = []
        var markers: [Bool] = []
        for (i, q) in queues.enumerated() {
            let last = i * perQueue + perQueue - 1
            let oldest = try session.optionalString(values[last], for: second[last])
            let isMarker = oldest?.hasPrefix("0:") ?? false
            markers.append(isMarker)
            if let id = oldest, !isMarker {
                ageAt.append(third.count)
                third.append(["HGET", prefix + q + ":" + id, "timestamp"])
            } else {
                ageAt.append(nil)
            }
        }
        let thirdValues = try await session.pipeline(third)
        let now = Date().timeIntervalSince1970
        for (i, q) in queues.enumerated() {
            let b = i * perQueue
            var wait = try session.count(values[b], for: second[b])
            if markers[i] { wait = max(0, wait - 1) }
            let paused = try session.count(values[b + 1], for: second[b + 1])
            var extra: [(String, Double)] = []
            var prioritized = 0.0
            for (s, state) in Self.bullmqStates.enumerated() {
                let n = try session.count(values[b + 2 + s], for: second[b + 2 + s])
                if state.name == "prioritized" { prioritized = n }
                extra.append((state.name, n))
            }
            let flag = b + 2 + Self.bullmqStates.count
            extra.append(("paused", try session.count(values[flag], for: second[flag])))
            var age = 0.0
            if let a = ageAt[i], let text = try session.optionalString(thirdValues[a], for: third[a]),
               let ms = Double(text), ms.isFinite, ms > 0 {
                age = max(0, now - ms / 1000)
            }
            extra.append(("oldest_age_seconds", age))
            out.add(QueueReading(system: "bullmq", queue: q, depth: wait + paused + prioritized, extra: extra))
        }
    }
}
