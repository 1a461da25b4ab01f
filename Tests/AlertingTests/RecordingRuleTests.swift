import Alerting
import Testing
import TimeSeries

/// Recording rules and group evaluation: renaming, labels, rule order within one evaluation,
/// query_offset, limits, duplicate output, staleness.
@Suite struct RecordingRuleTests {
    static let series: [(Labels, [(Int64, Double)])] = [
        (Labels(["__name__": "req", "job": "a", "code": "200"]), [(0, 1), (60_000, 2), (120_000, 3)]),
        (Labels(["__name__": "req", "job": "a", "code": "500"]), [(0, 10), (60_000, 20)]),
    ]

    @Test func laterRulesSeeEarlierResultsAtTheSameTime() throws {
        let rules = """
            groups:
              - name: g
                labels:
                  team: core
                rules:
                  - record: job:req:sum
                    expr: sum by (job) (req)
                    labels:
                      source: rule
                  - record: job:req:double
                    expr: job:req:sum * 2
            """
        let f = try EvalFixture(rules: rules, series: Self.series)
        let result = f.evaluator.eval(at: 60_000)
        #expect(result.failures.isEmpty)
        let sum = try f.samples("job:req:sum")
        #expect(sum.keys.first == Labels(["__name__": "job:req:sum", "job": "a", "source": "rule", "team": "core"]))
        #expect(sum.values.first?.map(\.v) == [22])
        let double = try f.samples("job:req:double")
        #expect(double.values.first?.first == Sample(t: 60_000, v: 44))
        #expect(double.keys.first == Labels(["__name__": "job:req:double", "job": "a", "source": "rule", "team": "core"]))
    }

    @Test func disappearingSeriesGetStaleMarkers() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - record: r
                    expr: req
            """
        let f = try EvalFixture(rules: rules, series: Self.series)
        f.evaluator.eval(at: 60_000)
        // At 7m the samples are older than the 5m lookback: the output disappears.
        f.evaluator.eval(at: 7 * 60_000)
        let out = try f.samples("r", ["code": "500"]).values.first ?? []
        #expect(out.count == 2)
        #expect(out.last.map { StaleNaN.isStale($0.v) && $0.t == 7 * 60_000 } == true)
    }

    @Test func queryOffsetShiftsQueryAndOutput() throws {
        let rules = """
            groups:
              - name: g
                query_offset: 1m
                rules:
                  - record: r
                    expr: req{code="200"}
            """
        let f = try EvalFixture(rules: rules, series: Self.series)
        f.evaluator.eval(at: 120_000)
        #expect(try f.samples("r").values.first == [Sample(t: 60_000, v: 2)])
    }

    @Test func duplicateOutputAndLimitAreErrors() throws {
        let dup = """
            groups:
              - name: g
                rules:
                  - record: r
                    expr: req
                    labels:
                      code: same
            """
        var f = try EvalFixture(rules: dup, series: Self.series)
        #expect(f.evaluator.eval(at: 0).rules.first?.error == "vector contains metrics with the same labelset after applying rule labels")
        let limited = """
            groups:
              - name: g
                limit: 1
                rules:
                  - record: r
                    expr: req
            """
        f = try EvalFixture(rules: limited, series: Self.series)
        #expect(f.evaluator.eval(at: 0).rules.first?.error == "exceeded limit of 1 with 2 series")
        #expect(try f.samples("r").isEmpty)
    }

    @Test func scalarResultAndNonVectorResult() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - record: one
                    expr: "1"
                  - record: bad
                    expr: req[5m]
            """
        let f = try EvalFixture(rules: rules)
        let result = f.evaluator.eval(at: 0)
        #expect(try f.samples("one").values.first == [Sample(t: 0, v: 1)])
        #expect(result.rules[1].error == "rule result is not a vector or scalar")
    }

    @Test func outOfOrderWritesAreRuleErrors() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - record: one
                    expr: "1"
            """
        let f = try EvalFixture(rules: rules)
        f.evaluator.eval(at: 60_000)
        #expect(f.evaluator.eval(at: 0).rules.first?.error == "out of order sample")
    }
}
