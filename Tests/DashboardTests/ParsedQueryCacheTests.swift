import Testing
import PromQL
import TimeSeries
@testable import Dashboard

/// Panel queries are parsed once and kept between refreshes; results must not change for it.
@Suite struct ParsedQueryCacheTests {
    @Test func keepsEachTextOnce() throws {
        let cache = ParsedQueryCache()
        let a = try cache.parse("sum by (job) (rate(http_requests_total[5m]))").get()
        let b = try cache.parse("sum by (job) (rate(http_requests_total[5m]))").get()
        #expect(a.key == b.key)
        #expect(a.key == (try Parser.parse("sum by (job) (rate(http_requests_total[5m]))")).description)
        #expect(cache.count == 1)
    }

    @Test func keepsParseErrorsWithTheirPosition() {
        let cache = ParsedQueryCache()
        for _ in 0..<3 {
            guard case .failure(let e) = cache.parse("sum(") else { Issue.record("sum( parsed"); return }
            #expect(e.description.contains("1:"), "\(e)")
        }
        #expect(cache.count == 1)
    }

    @Test func staysWithinItsCapacity() {
        let cache = ParsedQueryCache(capacity: 4)
        for i in 0..<50 { _ = cache.parse("metric_\(i)") }
        #expect(cache.count <= 4)
        #expect((try? cache.parse("metric_1").get()) != nil)
    }

    static func flat(_ series: [RangeSeries]) -> [String] {
        series.map { s in s.labels.description + s.samples.map { " \($0.t)=\($0.v.bitPattern)" }.joined() }
    }

    @Test func runnerGivesTheSameSeriesWithTheCache() throws {
        let store = makeStore([
            (["__name__": "requests_total", "job": "api"], { 1000 - Double($0) }),
            (["__name__": "requests_total", "job": "web"], { 500 - Double($0) / 2 }),
        ])
        let evaluator = QueryEvaluator(engine: Engine(querier: store))
        let cache = ParsedQueryCache()
        for query in ["sum by (job) (rate(requests_total[1m]))", "requests_total", "sum(", "bogus_metric"] {
            var plain = QueryRunner(evaluator: evaluator, rangeCache: nil, start: now - 900_000, end: now, step: 15_000)
            var cached = QueryRunner(evaluator: evaluator, rangeCache: nil, start: now - 900_000, end: now, step: 15_000,
                                     parsed: cache)
            for _ in 0..<2 {
                switch (plain.range(query), cached.range(query)) {
                case (.success(let a), .success(let b)): #expect(Self.flat(a) == Self.flat(b), "\(query)")
                case (.failure(let a), .failure(let b)): #expect(a == b, "\(query)")
                default: Issue.record("\(query): one runner failed, the other did not")
                }
            }
        }
    }
}
