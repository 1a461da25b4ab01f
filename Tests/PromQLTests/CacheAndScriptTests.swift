import Testing
import TimeSeries
@testable import PromQL

/// The evaluation cache front door and the promqltest script format.
struct CacheAndScriptTests {
    @Test func evaluatorSharesResultsPerExpressionAndTime() throws {
        let storage = ScriptStorage()
        storage.append(Labels(["__name__": "up"]), [Sample(t: 0, v: 1)])
        let ev = QueryEvaluator(engine: Engine(querier: storage), cache: EvaluationCache(capacity: 2))
        _ = try ev.instant("sum(up)", at: 0)
        _ = try ev.instant("sum( up )", at: 0)   // same printed expression
        #expect(ev.cache.hits == 1)
        _ = try ev.instant("sum(up)", at: 1000)
        _ = try ev.instant("up", at: 0)
        #expect(ev.cache.count == 2)              // bounded
        ev.cache.removeAll(before: 1)
        #expect(ev.cache.count == 1)
        #expect(throws: ParseError.self) { try ev.instant("sum(", at: 0) }
    }

    @Test(arguments: [
        ("1+2x3", [1, 3, 5, 7] as [Double?]),
        ("5x2", [5, 5, 5]),
        ("_x2 1", [nil, nil, 1]),
        ("10-1x2 _", [10, 9, 8, nil]),
        ("-1 +Inf", [-1, .infinity]),
        ("1e2", [100]),
    ])
    func expandingNotation(_ text: String, _ values: [Double?]) throws {
        let d = try SeriesDescription.parse("m{a=\"b\"} " + text)
        #expect(d.labels == Labels(["__name__": "m", "a": "b"]))
        #expect(d.values == values)
    }

    @Test func staleValueIsTheMarker() throws {
        let d = try SeriesDescription.parse("m stale")
        #expect(d.values.count == 1 && StaleNaN.isStale(d.values[0]!))
    }

    @Test func runsAScript() throws {
        let text = """
        load 1m
          m{job="a"} 0+1x10
          h{job="a"} {{schema:0 sum:1 count:1}}

        eval instant at 5m m
          m{job="a"} 5

        eval range from 0 to 2m step 1m m * 2
          {job="a"} 0 2 4

        eval instant at 5m m
          m{job="a"} 6

        eval instant at 5m nope(
          expect fail

        eval instant at 0 h
          expect fail

        eval instant at 0 1 == bool 1
          1
        """
        let r = try PromQLTestScript.parse(text: text, file: "inline").run()
        #expect(r.passed == 4)
        #expect(r.failed == 1)
        #expect(r.skipped == 1)
        if case .failed(let why) = r.failures.first?.outcome {
            #expect(why.contains("expected 6"))
        }
    }
}
