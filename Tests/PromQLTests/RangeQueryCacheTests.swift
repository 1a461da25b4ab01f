import Testing
import TimeSeries
@testable import PromQL

@Suite struct RangeQueryCacheTests {
    /// A store with counters scraped every 15 s for an hour.
    static func storage() -> ScriptStorage {
        let s = ScriptStorage()
        for i in 0..<4 {
            let samples = (0..<240).map { Sample(t: Int64($0) * 15_000, v: Double($0 * (i + 1) + ($0 % 7))) }
            s.append(Labels(["__name__": "req_total", "code": "\(200 + i)"]), samples)
        }
        return s
    }

    static func points(_ r: QueryResult) -> [Labels: [Sample]] {
        guard case .matrix(let m) = r.value else { return [:] }
        return Dictionary(uniqueKeysWithValues: m.map { ($0.labels, $0.samples) })
    }

    @Test(arguments: [
        "sum by (code) (rate(req_total[1m]))",
        "req_total",
        "max_over_time(req_total[5m:30s])",
        "req_total @ end()",
    ])
    func slidingWindowMatchesFullEvaluation(query: String) throws {
        let engine = Engine(querier: Self.storage())
        let cache = RangeQueryCache(settleMargin: 30_000)
        let expr = try Parser.parse(query)
        var end: Int64 = 1_800_000
        for _ in 0..<12 {
            let start = end - 900_000
            let cached = try cache.range(expr, key: query, start: start, end: end, step: 15_000, engine: engine)
            // The cache aligns the window's start down to the step.
            let full = try engine.range(expr, start: start - start % 15_000, end: end, step: 15_000)
            let same = Self.points(cached) == Self.points(full)
            #expect(same, "differs at end \(end)")
            end += 37_000
        }
    }
}
