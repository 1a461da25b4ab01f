/// Generates a realistic Prometheus text exposition of an exact number of series (counters,
/// gauges, histograms, summaries, some label values with escapes) and new values for each scrape
/// the way real ones move: counters climb at their own rates, gauges wander, histogram buckets
/// fill, summary quantiles jitter.
///
/// The series lines are laid out once; a scrape only writes new values, so generating 360
/// scrapes of 100,000 series stays cheap next to what is measured.
struct PayloadGenerator {
    enum Kind { case counter, gaugeInt, gaugeFloat, bucket, sum, count, quantile }

    private struct Line {
        var prefix: [UInt8]  // HELP/TYPE lines when first of a family, then `name{labels} `
        var kind: Kind
        var rate: Double  // per-second increase for counters, step size for gauges
        var value: Double
    }

    let seriesCount: Int
    private var lines: [Line] = []
    private var rng: SplitMix64

    init(seriesCount: Int, seed: UInt64 = 42) {
        self.seriesCount = seriesCount
        self.rng = SplitMix64(seed: seed)
        layout()
    }

    private mutating func add(_ prefix: String, _ kind: Kind, rate: Double, value: Double) {
        lines.append(Line(prefix: Array(prefix.utf8), kind: kind, rate: rate, value: value))
    }

    private mutating func layout() {
        var family = 0
        let buckets = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"]
        while lines.count < seriesCount {
            let left = seriesCount - lines.count
            var header = ""
            switch family % 5 {
            case 0, 1:  // counters by route and code; some paths need escaping
                let name = "app_requests_\(family)_total"
                header = "# HELP \(name) Requests handled, by route and \"code\".\n# TYPE \(name) counter\n"
                for i in 0..<min(40, left) {
                    let path = i % 7 == 0 ? "/api/v1/\\\"quoted\\\"\\\\x" : "/api/v1/items/\(i)"
                    add((i == 0 ? header : "") + "\(name){code=\"\(200 + i % 5)\",method=\"GET\",path=\"\(path)\"} ",
                        .counter, rate: Double(rng.next() % 50), value: Double(rng.next() % 100_000))
                }
            case 2:  // gauges: integer depths and float utilisation
                let name = "app_queue_depth_\(family)"
                header = "# HELP \(name) Items waiting.\n# TYPE \(name) gauge\n"
                for i in 0..<min(20, left) {
                    add((i == 0 ? header : "") + "\(name){instance=\"worker-\(i)\",queue=\"q\(i % 4)\"} ",
                        i % 2 == 0 ? .gaugeInt : .gaugeFloat, rate: Double(1 + rng.next() % 20),
                        value: Double(rng.next() % 1000))
                }
            case 3:  // histograms: 10 buckets + sum + count per label set
                let name = "app_request_duration_\(family)_seconds"
                header = "# HELP \(name) Latency.\n# TYPE \(name) histogram\n"
                var first = true
                for h in 0..<4 where lines.count + 12 <= seriesCount {
                    for (bi, b) in buckets.enumerated() {
                        add((first ? header : "") + "\(name)_bucket{handler=\"/h\(h)\",le=\"\(b)\"} ",
                            .bucket, rate: Double(bi + 1), value: 0)
                        first = false
                    }
                    add("\(name)_sum{handler=\"/h\(h)\"} ", .sum, rate: 0.731, value: 0)
                    add("\(name)_count{handler=\"/h\(h)\"} ", .count, rate: 10, value: 0)
                }
                if first { add("app_filler_\(family) ", .gaugeInt, rate: 1, value: 1) }
            default:  // summaries: 3 quantiles + sum + count per label set
                let name = "app_gc_pause_\(family)_seconds"
                header = "# HELP \(name) GC pauses.\n# TYPE \(name) summary\n"
                var first = true
                for s in 0..<4 where lines.count + 5 <= seriesCount {
                    for q in ["0.5", "0.9", "0.99"] {
                        add((first ? header : "") + "\(name){gen=\"\(s)\",quantile=\"\(q)\"} ",
                            .quantile, rate: 0, value: 0.001 * Double(s + 1))
                        first = false
                    }
                    add("\(name)_sum{gen=\"\(s)\"} ", .sum, rate: 0.05, value: 0)
                    add("\(name)_count{gen=\"\(s)\"} ", .count, rate: 3, value: 0)
                }
                if first { add("app_filler_\(family) ", .gaugeInt, rate: 1, value: 1) }
            }
            family += 1
        }
    }

    /// Moves every value on by one scrape interval.
    mutating func advance(seconds: Double) {
        for i in lines.indices {
            let r = rng.next()
            switch lines[i].kind {
            case .counter, .count:
                lines[i].value += (lines[i].rate * seconds * Double(80 + r % 40) / 100).rounded()
            case .bucket:
                lines[i].value += (lines[i].rate * seconds * Double(r % 3) / 2).rounded()
            case .sum:
                lines[i].value += lines[i].rate * seconds * Double(50 + r % 100) / 100
            case .gaugeInt:
                lines[i].value = max(0, lines[i].value + Double(Int(r % 7) - 3) * lines[i].rate)
            case .gaugeFloat:
                lines[i].value = min(100, max(0, ((lines[i].value + Double(Int(r % 201) - 100) / 100) * 100).rounded() / 100))
            case .quantile:
                lines[i].value = 0.001 * Double(1 + r % 500) / 10
            }
        }
    }

    /// The current scrape body.
    func payload() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 72)
        for line in lines {
            out.append(contentsOf: line.prefix)
            let v = line.value
            if v == v.rounded(), abs(v) < 1e15 {
                out.append(contentsOf: String(Int64(v)).utf8)
            } else {
                out.append(contentsOf: v.description.utf8)
            }
            out.append(0x0A)
        }
        return out
    }
}

/// A small deterministic generator so runs are repeatable.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
