/// Deterministic sample inputs for round trips: the shapes Vigil meets (exposition text) and the
/// ones that exercise each block type (random bytes → stored, runs → long matches).
enum Corpus {
    /// A small deterministic PRNG (LCG step, SplitMix-style output mix).
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var z = state
            z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            return z ^ (z >> 29)
        }
    }

    static func random(_ n: Int, seed: UInt64 = 7) -> [UInt8] {
        var r = Rng(state: seed)
        return (0..<n).map { _ in UInt8(truncatingIfNeeded: r.next()) }
    }

    static func text(_ n: Int) -> [UInt8] {
        let words = ["alpha", "beta", "gamma", "delta", "scrape", "target", "latency", "queue", "the", "of",
                     "and", "request", "duration", "seconds", "bucket", "memory", "bytes", "error", "ok"]
        var r = Rng(state: 42)
        var out: [UInt8] = []
        out.reserveCapacity(n + 16)
        while out.count < n {
            out += Array(words[Int(r.next() % UInt64(words.count))].utf8)
            out.append(r.next() % 11 == 0 ? 10 : 32)
        }
        return Array(out.prefix(n))
    }

    static func exposition(targets: Int) -> [UInt8] {
        var s = ""
        s += "# HELP http_request_duration_seconds Request latency.\n# TYPE http_request_duration_seconds histogram\n"
        let les = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"]
        var r = Rng(state: 3)
        for t in 0..<targets {
            var c = 0
            for le in les {
                c += Int(r.next() % 100)
                s += "http_request_duration_seconds_bucket{handler=\"/api/v1/query\",instance=\"node-\(t):9100\",method=\"GET\",le=\"\(le)\"} \(c)\n"
            }
            s += "http_request_duration_seconds_sum{handler=\"/api/v1/query\",instance=\"node-\(t):9100\"} \(Double(r.next() % 100_000) / 1000)\n"
            s += "http_request_duration_seconds_count{handler=\"/api/v1/query\",instance=\"node-\(t):9100\"} \(c)\n"
            s += "process_resident_memory_bytes{instance=\"node-\(t):9100\"} \(r.next() % 1_000_000_000)\n"
        }
        return Array(s.utf8)
    }

    /// Short-period patterns (back-references with distances 2–7) mixed with runs.
    static func patterns() -> [UInt8] {
        var out: [UInt8] = []
        for period in 1...9 {
            let unit = Array(random(period, seed: UInt64(period)))
            for _ in 0..<(600 / period) { out += unit }
            out += random(37, seed: UInt64(100 + period))
        }
        return out
    }

    static let all: [(name: String, bytes: [UInt8])] = [
        ("empty", []),
        ("one-byte", [0x41]),
        ("hello", Array("hello, hello, hello world\n".utf8)),
        ("text-200k", text(200_000)),
        ("exposition", exposition(targets: 400)),
        ("random-100k", random(100_000)),
        ("zeros-1m", [UInt8](repeating: 0, count: 1 << 20)),
        ("patterns", patterns()),
        ("mixed", text(20_000) + random(40_000, seed: 9) + text(30_000) + [UInt8](repeating: 7, count: 70_000)),
    ]
}
