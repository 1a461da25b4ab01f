import Foundation
import RESP

/// RQ's layout: the `rq:queues` set holds the queue keys `rq:queue:NAME`, lists of job ids pushed
/// on the right and popped on the left (the oldest job is the first; its hash `rq:job:ID` has
/// `enqueued_at`). Each queue's job registries are sorted sets: `rq:wip:NAME` (started),
/// `rq:failed:`, `rq:scheduled:`, `rq:deferred:`, `rq:finished:`, `rq:canceled:`; they are
/// reported as extras (`started`, `failed`, ...). Workers listening on a queue are the members of
/// `rq:workers:NAME` whose `rq:worker:...` hash still exists (RQ prunes dead ones the same way).
extension RedisQueueSource {
    /// Registry key prefix → extra name.
    static let rqRegistries: [(prefix: String, name: String)] = [
        ("rq:wip:", "started"), ("rq:failed:", "failed"), ("rq:scheduled:", "scheduled"),
        ("rq:deferred:", "deferred"), ("rq:finished:", "finished"), ("rq:canceled:", "canceled"),
    ]

    func readRQ(_ session: RedisPollSession, into out: inout RedisQueueExposition) async throws(PollError) {
        let listCommand = ["SMEMBERS", "rq:queues"]
        let queueKeys = try session.strings(try await session.pipeline([listCommand])[0], for: listCommand)
        let queues = queueKeys.filter { $0.hasPrefix("rq:queue:") }.map { String($0.dropFirst("rq:queue:".count)) }.sorted()
        guard !queues.isEmpty else { return }

        // Round trip 2: lengths, oldest job id, registries and registered workers of every queue.
        let perQueue = 3 + Self.rqRegistries.count
        var second: [[String]] = []
        for q in queues {
            second.append(["LLEN", "rq:queue:" + q])
            second.append(["LINDEX", "rq:queue:" + q, "0"])
            for r in Self.rqRegistries { second.append(["ZCARD", r.prefix + q]) }
            second.append(["SMEMBERS", "rq:workers:" + q])
        }
        let values = try await session.pipeline(second)

        // Round trip 3: when the oldest jobs were enqueued, and which workers are still alive.
        var third: [[String]] = []
        var ageAt: [Int?] = []
        var workersAt: [Int?] = []
        for (i, _) in queues.enumerated() {
            let b = i * perQueue
            if let id = try session.optionalString(values[b + 1], for: second[b + 1]) {
                ageAt.append(third.count)
                third.append(["HGET", "rq:job:" + id, "enqueued_at"])
            } else {
                ageAt.append(nil)
            }
            let workers = try session.strings(values[b + perQueue - 1], for: second[b + perQueue - 1])
            if workers.isEmpty {
                workersAt.append(nil)
            } else {
                workersAt.append(third.count)
                third.append(["EXISTS"] + workers)
            }
        }
        let thirdValues = try await session.pipeline(third)
        let now = Date().timeIntervalSince1970
        for (i, q) in queues.enumerated() {
            let b = i * perQueue
            var extra: [(String, Double)] = []
            for (r, registry) in Self.rqRegistries.enumerated() {
                extra.append((registry.name, try session.count(values[b + 2 + r], for: second[b + 2 + r])))
            }
            var age = 0.0
            if let a = ageAt[i], let text = try session.optionalString(thirdValues[a], for: third[a]),
               let t = Self.rqTimestamp(text) {
                age = max(0, now - t)
            }
            extra.append(("oldest_age_seconds", age))
            let consumers = try workersAt[i].map { w throws(PollError) in try session.count(thirdValues[w], for: third[w]) } ?? 0
            out.add(QueueReading(system: "rq", queue: q, depth: try session.count(values[b], for: second[b]),
                                 consumers: consumers, extra: extra))
        }
    }

    /// RQ's UTC timestamps (`2024-05-01T12:34:56.123456Z`, `utcformat`) in seconds since the epoch;
    /// nil for anything else.
    static func rqTimestamp(_ text: String) -> Double? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b.last == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ to: Int) -> Int? {
            var n = 0
            for i in from..<to {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10),
              let hour = number(11, 13), let minute = number(14, 16), let second = number(17, 19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var fraction = 0.0
        let end = b.count - 1
        if end > 19 {
            guard b[19] == UInt8(ascii: "."), end > 20, end - 20 <= 9, let f = number(20, end) else { return nil }
            fraction = Double(f) / pow(10, Double(end - 20))
        } else if end != 19 {
            return nil
        }
        // Days from the civil date (proleptic Gregorian calendar).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
    }
}
