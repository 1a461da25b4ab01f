import Synchronization
import Testing
import TimeSeries
@testable import PromQL

/// Instant vector selectors read only each series' newest sample in their window
/// (`SeriesQuerier.selectLatest`); results must equal those computed from the whole windows.
struct LatestSelectTests {
    /// Hands out whole windows even when asked for the newest samples: the reference.
    struct WholeWindows: SeriesQuerier {
        let store: SeriesStore
        func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
            store.select(matchers, mint: mint, maxt: maxt)
        }
        func selectLatest(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
            store.select(matchers, mint: mint, maxt: maxt)
        }
    }

    /// Counts what the engine asks for.
    final class Spy: SeriesQuerier {
        let store: SeriesStore
        let counts = Mutex((latest: 0, whole: 0))
        init(_ store: SeriesStore) { self.store = store }
        var latest: Int { counts.withLock { $0.latest } }
        var whole: Int { counts.withLock { $0.whole } }
        func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
            counts.withLock { $0.whole += 1 }
            return store.select(matchers, mint: mint, maxt: maxt)
        }
        func selectLatest(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
            counts.withLock { $0.latest += 1 }
            return store.selectLatest(matchers, mint: mint, maxt: maxt)
        }
    }

    static func store() -> SeriesStore {
        let store = SeriesStore()
        for (k, job) in ["a", "b", "c"].enumerated() {
            for code in ["200", "500"] {
                let r = store.getOrCreate(Labels(["__name__": "req_total", "job": job, "code": code]))
                for i in 0..<400 where (i + k) % 7 != 0 {
                    let v = i % 97 == 96 ? StaleNaN.value : Double(i * (k + 1))
                    store.append(r, Int64(i) * 15_000, v)
                }
            }
            let g = store.getOrCreate(Labels(["__name__": "up", "job": job]))
            for i in 0..<400 where i / 40 % 3 != k { store.append(g, Int64(i) * 15_000, Double(i % 2)) }
        }
        return store
    }

    static let queries = [
        "req_total", "up", "up == 0", "sum by (job) (req_total)", "req_total - req_total offset 1m",
        "req_total offset 1m", "rate(req_total[5m]) / req_total", "req_total / rate(req_total[5m])",
        "timestamp(req_total)", "req_total @ 300", "req_total @ 300 + req_total", "max_over_time(up[10m:1m])",
        "up + up offset 5m", "count(up) + count(up offset 30s)", "req_total{code=\"500\"} / ignoring(code) req_total{code=\"200\"}",
        "last_over_time(up[5m]) - up", "absent(nope)", "vector(1) + up",
    ]

    @Test(arguments: queries)
    func sameAsWholeWindows(query: String) throws {
        let store = Self.store()
        let fast = Engine(querier: store)
        let reference = Engine(querier: WholeWindows(store: store))
        let expr = try Parser.parse(query)
        for t in stride(from: Int64(0), through: 6_100_000, by: 37_000) {
            let a = try fast.instant(expr, at: t)
            let b = try reference.instant(expr, at: t)
            #expect(Self.text(a) == Self.text(b), "\(query) at \(t)")
        }
        let range = try fast.range(expr, start: 100_000, end: 3_000_000, step: 60_000)
        let rangeReference = try reference.range(expr, start: 100_000, end: 3_000_000, step: 60_000)
        #expect(Self.text(range) == Self.text(rangeReference), "\(query) as a range query")
    }

    @Test func instantSelectorsAskForTheNewestSampleOnly() throws {
        let spy = Spy(Self.store())
        let engine = Engine(querier: spy)
        _ = try engine.instant(try Parser.parse("sum(up) + req_total"), at: 3_000_000)
        #expect((spy.latest, spy.whole) == (2, 0))
        _ = try engine.instant(try Parser.parse("rate(req_total[5m]) / req_total"), at: 3_000_000)
        #expect((spy.latest, spy.whole) == (2, 1))
        _ = try engine.instant(try Parser.parse("up - up offset 1m"), at: 3_000_000)
        #expect((spy.latest, spy.whole) == (2, 2))
        _ = try engine.range(try Parser.parse("up"), start: 0, end: 60_000, step: 15_000)
        #expect((spy.latest, spy.whole) == (2, 3))
    }

    /// Past 16 distinct selectors the spans are found by hash; a selector repeating a matcher
    /// must still find the span planned for it (with its range), not a default one.
    @Test func manySelectorsWithARepeatedMatcher() throws {
        let engine = Engine(querier: Self.store())
        let counts = (0..<17).map { " + count(up{job!=\"x\($0)\"})" }.joined()
        // The repeated form is planned into the plain form's span before the index exists.
        let query = "sum(rate(req_total{job=\"a\"}[10m])) + sum(rate(req_total{job=\"a\",job=\"a\"}[10m]))" + counts
        func scalar(_ q: String) throws -> Double {
            guard case .vector(let v) = try engine.instant(q, at: 3_000_000).value, v.count == 1 else { return .nan }
            return v[0].value
        }
        let rate = try scalar("sum(rate(req_total{job=\"a\"}[10m]))")
        let up = try scalar("count(up)")
        #expect(rate > 0 && up > 0)
        let want = 2 * rate + 17 * up
        let got = try scalar(query)
        #expect(abs(got - want) <= 1e-9 * abs(want), "\(got) vs \(want)")
    }

    static func text(_ r: QueryResult) -> String {
        switch r.value {
        case .scalar(let v, let t): return "scalar \(v.bitPattern) @\(t)"
        case .string(let s, let t): return "string \(s) @\(t)"
        case .vector(let v): return v.map { "\($0.labels) \($0.value.bitPattern) @\($0.t)" }.sorted().joined(separator: "\n")
        case .matrix(let m):
            return m.map { "\($0.labels) " + $0.samples.map { "\($0.v.bitPattern)@\($0.t)" }.joined(separator: " ") }
                .sorted().joined(separator: "\n")
        }
    }
}
