import PromQL
import TimeSeries

/// One `tests:` entry of a promtool test file run against a fresh store: the evaluation loop,
/// the alert checks and the PromQL checks of promtool's `testGroup.test`.
struct RuleTestGroupRun {
    let test: RuleTestFile.TestGroup
    let index: Int
    let evalInterval: Int64
    let fuzzy: Bool
    let lookbackDelta: Int64

    func run(_ ruleGroups: [RuleGroup]) -> (errors: [String], skipped: [String]) {
        var errors: [String] = []
        var skipped: [String] = []
        let mint = test.startTimestamp ?? 0
        var input: InputSeries
        do {
            input = try InputSeries.load(test.inputSeries, interval: test.interval, start: mint)
        } catch {
            return ([error.description], [])
        }
        let store = SeriesStore(options: SeriesStore.Options(retention: Int64.max / 4))
        let context = RuleEvaluationContext(store: store, lookbackDelta: lookbackDelta, evaluationInterval: evalInterval,
                                            externalLabels: Labels(test.externalLabels), externalURL: test.externalURL)
        let evaluators = ruleGroups.map { RuleGroupEvaluator(group: $0, context: context) }

        let maxEval = (test.alertTests.map(\.evalTime) + test.exprTests.map(\.evalTime)).max() ?? 0
        let maxt = mint &+ max(0, maxEval)
        var alertTimes: [Int64] = []
        var alertTests: [Int64: [RuleTestFile.AlertTest]] = [:]
        for a in test.alertTests {
            if a.alertname.isEmpty {
                let where_ = test.name.isEmpty ? "" : " (in TestGroup \(test.name))"
                return (["an item under alert_rule_test misses required attribute alertname at eval_time \(RuleDuration.format(a.evalTime))\(where_)"], [])
            }
            if alertTests[a.evalTime] == nil { alertTimes.append(a.evalTime) }
            alertTests[a.evalTime, default: []].append(a)
        }
        alertTimes.sort()
        var curr = 0

        var ts = mint
        while ts <= maxt {
            input.appendTill(ts, into: store)
            var evalErrors: [String] = []
            for e in evaluators {
                let result = e.eval(at: ts)
                for r in result.rules {
                    if let err = r.error {
                        evalErrors.append("    rule: \(r.name), time: \(RuleDuration.goString(ts)), err: \(err)")
                    }
                }
            }
            if !evalErrors.isEmpty { return (errors + evalErrors, skipped) }
            while curr < alertTimes.count, ts - mint <= alertTimes[curr], alertTimes[curr] < ts - mint + evalInterval {
                let t = alertTimes[curr]
                for tc in alertTests[t] ?? [] {
                    if let failure = checkAlerts(tc, evaluators) { errors.append(failure) }
                }
                curr += 1
            }
            let (next, overflow) = ts.addingReportingOverflow(evalInterval)
            if overflow { break }
            ts = next
        }

        let engine = Engine(querier: store, lookbackDelta: lookbackDelta, defaultSubqueryStep: evalInterval)
        for tc in test.exprTests {
            if tc.expected.contains(where: { !$0.histogram.isEmpty }) {
                skipped.append("promql_expr_test \(GoQuote.quote(tc.expr)) at \(RuleDuration.format(tc.evalTime)): expects native histograms")
                continue
            }
            if let failure = checkExpr(tc, engine: engine, at: mint &+ tc.evalTime) { errors.append(failure) }
        }
        return (errors, skipped)
    }

    /// An alert or annotation set as promtool compares them.
    struct AlertSet: Equatable {
        var labels: [Label]
        var annotations: [Label]

        static func less(_ a: AlertSet, _ b: AlertSet) -> Bool {
            let c = compare(a.labels, b.labels)
            return c != 0 ? c < 0 : compare(a.annotations, b.annotations) < 0
        }

        var text: String { "Labels:" + GoText.labels(labels) + "\nAnnotations:" + GoText.labels(annotations) }
    }

    func checkAlerts(_ tc: RuleTestFile.AlertTest, _ evaluators: [RuleGroupEvaluator]) -> String? {
        var got: [AlertSet] = []
        for e in evaluators {
            for a in e.activeAlerts(named: tc.alertname) where a.state == .firing {
                got.append(AlertSet(labels: a.labels.pairs, annotations: a.annotations))
            }
        }
        var expected: [AlertSet] = tc.expected.map { x in
            var labels = x.labels
            labels["alertname"] = tc.alertname
            return AlertSet(labels: RuleTestGroupRun.sortedPairs(labels), annotations: RuleTestGroupRun.sortedPairs(x.annotations))
        }
        got.sort(by: AlertSet.less)
        expected.sort(by: AlertSet.less)
        if got == expected { return nil }
        let name = test.name.isEmpty ? "" : "    name: \(test.name),\n"
        let exp = indent(listText(expected), "            ")
        let gotText = indent(listText(got), "            ")
        return "\(name)    alertname: \(tc.alertname), time: \(RuleDuration.format(tc.evalTime)), \n        exp:\(exp), \n        got:\(gotText)"
    }

    func checkExpr(_ tc: RuleTestFile.ExprTest, engine: Engine, at t: Int64) -> String? {
        let head = "    expr: \(GoQuote.quote(tc.expr)), time: \(RuleDuration.format(tc.evalTime))"
        let vector: [VectorSample]
        do {
            let expr = try Parser.parse(tc.expr)
            vector = try RuleQuery.vector(engine, expr, at: t)
        } catch let e as RuleQuery.Failure {
            return head + ", err: " + e.description
        } catch {
            return head + ", err: \(error)"
        }
        var got: [(labels: [Label], value: Double)] = vector.map { ($0.labels.pairs, $0.value) }
        var expected: [(labels: [Label], value: Double)] = []
        for s in tc.expected {
            do {
                expected.append((try MetricText.parse(s.labels), s.value))
            } catch {
                return head + ", err: labels \(GoQuote.quote(s.labels)): \(error.description)"
            }
        }
        got.sort { RuleTestGroupRun.compare($0.labels, $1.labels) < 0 }
        expected.sort { RuleTestGroupRun.compare($0.labels, $1.labels) < 0 }
        let same = got.count == expected.count && zip(got, expected).allSatisfy { g, x in
            g.labels == x.labels && valuesEqual(x.value, g.value)
        }
        if same { return nil }
        return head + ",\n        exp: \(samplesText(expected))\n        got: \(samplesText(got))"
    }

    /// Exact float equality (NaN never equal, as Go's `==`), or within one ULP with `fuzzy_compare`.
    func valuesEqual(_ x: Double, _ y: Double) -> Bool {
        if x == y { return true }
        return fuzzy && (x.nextDown == y || x.nextUp == y)
    }

    static func sortedPairs(_ d: [String: String]) -> [Label] {
        d.map { Label($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    /// Prometheus's `labels.Compare`.
    static func compare(_ a: [Label], _ b: [Label]) -> Int {
        for (x, y) in zip(a, b) {
            if x.name != y.name { return ByteOrder.less(x.name, y.name) ? -1 : 1 }
            if x.value != y.value { return ByteOrder.less(x.value, y.value) ? -1 : 1 }
        }
        return a.count - b.count
    }

    func listText(_ list: [AlertSet]) -> String {
        if list.isEmpty { return "[]" }
        var s = "[\n0:" + indent("\n" + list[0].text, "  ")
        for (i, l) in list.dropFirst().enumerated() {
            s += ",\n\(i + 1):" + indent("\n" + l.text, "  ")
        }
        return s + "\n]"
    }

    func samplesText(_ samples: [(labels: [Label], value: Double)]) -> String {
        if samples.isEmpty { return "nil" }
        return samples.map { GoText.labels($0.labels) + " " + GoText.formatE($0.value) }.joined(separator: ", ")
    }

    /// promtool's `indentLines`: every line after the first gets `prefix`.
    func indent(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : prefix + $0.element }.joined(separator: "\n")
    }
}
