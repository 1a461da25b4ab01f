import Testing
import TimeSeries
@testable import PromQL

/// Evaluation semantics that SREs rely on: left-open windows, lookback, staleness, extrapolation.
struct EngineTests {
    static func storage(_ series: [(String, [Double?])], interval: Int64 = 60_000) throws -> ScriptStorage {
        let s = ScriptStorage()
        for (desc, values) in series {
            let (labels, _) = try SeriesDescription.parseMetric(desc)
            var samples: [Sample] = []
            for (i, v) in values.enumerated() {
                if let v { samples.append(Sample(t: Int64(i) * interval, v: v)) }
            }
            s.append(labels, samples)
        }
        return s
    }

    static func vector(_ r: QueryResult) -> [String: Double] {
        guard case .vector(let v) = r.value else { return [:] }
        var out: [String: Double] = [:]
        for s in v { out[s.labels.isEmpty ? "{}" : s.labels.description] = s.value }
        return out
    }

    @Test func rateExtrapolatesAsPrometheus() throws {
        let e = Engine(querier: try Self.storage([("x_total", (0...10).map { Double($0 * 10) })]))
        let r = Self.vector(try e.instant("rate(x_total[5m])", at: 300_000))
        #expect(abs(r["{}"]! - 1.0 / 6.0) < 1e-12)
        let inc = Self.vector(try e.instant("increase(x_total[5m])", at: 300_000))
        #expect(abs(inc["{}"]! - 50) < 1e-9)
    }

    @Test func rangeWindowsAreLeftOpen() throws {
        let e = Engine(querier: try Self.storage([("x", (0...10).map { Double($0) })]))
        #expect(Self.vector(try e.instant("count_over_time(x[5m])", at: 300_000))["{}"] == 5)
        #expect(Self.vector(try e.instant("min_over_time(x[5m])", at: 300_000))["{}"] == 1)
    }

    @Test func lookbackIsLeftOpenAndStaleMarkersEndSeries() throws {
        let e = Engine(querier: try Self.storage([("a", [1]), ("b", [1, StaleNaN.value])]))
        #expect(Self.vector(try e.instant("a", at: 299_999))["a"] == 1)
        #expect(Self.vector(try e.instant("a", at: 300_000)).isEmpty)
        #expect(Self.vector(try e.instant("b", at: 30_000))["b"] == 1)
        #expect(Self.vector(try e.instant("b", at: 90_000)).isEmpty)
    }

    @Test(arguments: [
        ("a + on() b", "found duplicate series for the match group {} on the right hand-side of the operation"),
        ("b + on() a", "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)"),
        ("label_replace(b, \"x\", \"\", \"\", \"\")", "vector cannot contain metrics with the same labelset"),
        ("-{__name__=~\"b|c\", x=\"1\"}", "vector cannot contain metrics with the same labelset"),
        ("topk(NaN, b)", "Parameter value is NaN"),
    ])
    func runtimeErrors(_ query: String, _ prefix: String) throws {
        let e = Engine(querier: try Self.storage([("a", [1]), ("b{x=\"1\"}", [1]), ("b{x=\"2\"}", [2]), ("c{x=\"1\"}", [1])]))
        let q = query
        do {
            _ = try e.instant(q, at: 0)
            Issue.record("expected an error for \(q)")
        } catch {
            #expect("\(error)".hasPrefix(prefix), "\(error)")
        }
    }

    @Test func vectorMatchingAndNameDropping() throws {
        let e = Engine(querier: try Self.storage([
            ("req{job=\"a\", i=\"1\"}", [10]), ("req{job=\"a\", i=\"2\"}", [20]), ("lim{job=\"a\"}", [100]),
        ]))
        let r = Self.vector(try e.instant("req / on(job) group_left lim", at: 0))
        #expect(r == ["{i=\"1\", job=\"a\"}": 0.1, "{i=\"2\", job=\"a\"}": 0.2])
        let kept = Self.vector(try e.instant("req > 15", at: 0))
        #expect(kept == ["req{i=\"2\", job=\"a\"}": 20])
        let sum = Self.vector(try e.instant("sum by (job) (req)", at: 0))
        #expect(sum == ["{job=\"a\"}": 30])
    }

    @Test func rangeQueryProducesSortedMatrix() throws {
        let e = Engine(querier: try Self.storage([("x{a=\"2\"}", [1, 2, 3]), ("x{a=\"1\"}", [5, nil, nil])]))
        guard case .matrix(let m) = try e.range("x", start: 0, end: 120_000, step: 60_000).value else {
            Issue.record("expected a matrix")
            return
        }
        #expect(m.map(\.labels.description) == ["x{a=\"1\"}", "x{a=\"2\"}"])
        #expect(m[0].samples.map(\.v) == [5, 5, 5])
        #expect(m[1].samples.map(\.t) == [0, 60_000, 120_000])
        #expect(throws: EvaluationError.self) { try e.range("x[5m]", start: 0, end: 60_000, step: 60_000) }
    }

    @Test func histogramQuantileOverClassicBuckets() throws {
        let e = Engine(querier: try Self.storage([
            ("h_bucket{le=\"0.1\"}", [10]), ("h_bucket{le=\"1\"}", [20]), ("h_bucket{le=\"+Inf\"}", [20]),
        ]))
        let r = Self.vector(try e.instant("histogram_quantile(0.75, h_bucket)", at: 0))
        #expect(abs(r["{}"]! - 0.55) < 1e-12)
        let res = try e.instant("histogram_quantile(2, h_bucket)", at: 0)
        #expect(Self.vector(res)["{}"] == .infinity)
        #expect(res.annotations.warnings == ["PromQL warning: quantile value should be between 0 and 1, got 2 (1:20)"])
    }

    @Test func subqueryStepsAreAligned() throws {
        let e = Engine(querier: try Self.storage([("x", (0...10).map { Double($0) })]))
        // Inner steps at 4m, 4m30s, 5m: left-open window (3m30s, 5m] at 30s steps.
        let r = Self.vector(try e.instant("count_over_time(x[90s:30s])", at: 300_000))
        #expect(r["{}"] == 3)
    }
}
