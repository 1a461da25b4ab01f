import TimeSeries
import YAML

/// A `promtool test rules` file: rule files under test, the evaluation interval, group order,
/// and test groups of input series with expected alerts and PromQL results.
public struct RuleTestFile: Sendable {
    public struct InputSeries: Sendable {
        public var series: String
        public var values: String
    }

    public struct ExpectedAlert: Sendable {
        public var labels: [String: String]
        public var annotations: [String: String]
    }

    public struct AlertTest: Sendable {
        /// Milliseconds after the group's start.
        public var evalTime: Int64
        public var alertname: String
        public var expected: [ExpectedAlert]
    }

    public struct ExpectedSample: Sendable {
        public var labels: String
        public var value: Double
        /// A native histogram expectation (not supported; such cases are skipped).
        public var histogram: String
    }

    public struct ExprTest: Sendable {
        public var expr: String
        public var evalTime: Int64
        public var expected: [ExpectedSample]
    }

    public struct TestGroup: Sendable {
        /// Interval between input samples (ms); 0 means the evaluation interval.
        public var interval: Int64
        public var inputSeries: [InputSeries]
        public var alertTests: [AlertTest]
        public var exprTests: [ExprTest]
        public var externalLabels: [String: String]
        public var externalURL: String
        public var name: String
        /// `start_timestamp` in ms since the epoch; nil for the Unix epoch.
        public var startTimestamp: Int64?
    }

    public var ruleFiles: [String]
    /// Milliseconds; 0 means the default of one minute.
    public var evaluationInterval: Int64
    public var groupEvalOrder: [String]
    public var tests: [TestGroup]
    public var fuzzyCompare: Bool

    /// Decodes a test file strictly (unknown fields are errors, as `yaml.UnmarshalStrict`).
    public static func parse(bytes: [UInt8], file: String) throws(RuleFileError) -> RuleTestFile {
        let root: YAMLNode?
        do {
            root = try YAML.loadAll(bytes: bytes, file: file).first
        } catch {
            throw RuleFileError([RuleDiagnostic(file: file, line: error.line, column: error.column, message: error.message)])
        }
        var f = YAMLFields(file: file)
        var out = RuleTestFile(ruleFiles: [], evaluationInterval: 0, groupEvalOrder: [], tests: [], fuzzyCompare: false)
        if let root {
            let top = f.fields(root, known: ["rule_files", "evaluation_interval", "group_eval_order", "tests", "fuzzy_compare"],
                               goType: "main.unitTestFile", ignoreUnknown: false)
            if let n = top["rule_files"] { out.ruleFiles = f.items(n, "[]string").map { f.string($0) } }
            if let n = top["evaluation_interval"] { out.evaluationInterval = f.duration(n) ?? 0 }
            if let n = top["group_eval_order"] { out.groupEvalOrder = f.items(n, "[]string").map { f.string($0) } }
            if let n = top["fuzzy_compare"] { out.fuzzyCompare = f.bool(n) }
            if let n = top["tests"] { out.tests = f.items(n, "[]main.testGroup").map { decodeGroup($0, &f) } }
        }
        if !f.errors.isEmpty { throw RuleFileError(f.errors) }
        return out
    }

    private static func decodeGroup(_ node: YAMLNode, _ f: inout YAMLFields) -> TestGroup {
        var g = TestGroup(interval: 0, inputSeries: [], alertTests: [], exprTests: [], externalLabels: [:], externalURL: "",
                          name: "", startTimestamp: nil)
        let m = f.fields(node, known: ["interval", "input_series", "alert_rule_test", "promql_expr_test", "external_labels",
                                       "external_url", "name", "start_timestamp"], goType: "main.testGroup", ignoreUnknown: false)
        if let n = m["interval"] { g.interval = f.duration(n) ?? 0 }
        if let n = m["input_series"] {
            g.inputSeries = f.items(n, "[]main.series").map { item in
                let s = f.fields(item, known: ["series", "values"], goType: "main.series", ignoreUnknown: false)
                return InputSeries(series: s["series"].map { f.string($0) } ?? "", values: s["values"].map { f.string($0) } ?? "")
            }
        }
        if let n = m["alert_rule_test"] {
            g.alertTests = f.items(n, "[]main.alertTestCase").map { item in
                let a = f.fields(item, known: ["eval_time", "alertname", "exp_alerts"], goType: "main.alertTestCase", ignoreUnknown: false)
                let expected = a["exp_alerts"].map { f.items($0, "[]main.alert") } ?? []
                return AlertTest(evalTime: a["eval_time"].flatMap { f.duration($0) } ?? 0,
                                 alertname: a["alertname"].map { f.string($0) } ?? "",
                                 expected: expected.map { e in
                                     let x = f.fields(e, known: ["exp_labels", "exp_annotations"], goType: "main.alert", ignoreUnknown: false)
                                     return ExpectedAlert(labels: x["exp_labels"].map { dictionary(f.stringMap($0)) } ?? [:],
                                                          annotations: x["exp_annotations"].map { dictionary(f.stringMap($0)) } ?? [:])
                                 })
            }
        }
        if let n = m["promql_expr_test"] {
            g.exprTests = f.items(n, "[]main.promqlTestCase").map { item in
                let p = f.fields(item, known: ["expr", "eval_time", "exp_samples"], goType: "main.promqlTestCase", ignoreUnknown: false)
                let samples = p["exp_samples"].map { f.items($0, "[]main.sample") } ?? []
                return ExprTest(expr: p["expr"].map { f.string($0) } ?? "", evalTime: p["eval_time"].flatMap { f.duration($0) } ?? 0,
                                expected: samples.map { s in
                                    let x = f.fields(s, known: ["labels", "value", "histogram"], goType: "main.sample", ignoreUnknown: false)
                                    return ExpectedSample(labels: x["labels"].map { f.string($0) } ?? "",
                                                          value: x["value"].map { float(f: &f, $0) } ?? 0,
                                                          histogram: x["histogram"].map { f.string($0) } ?? "")
                                })
            }
        }
        if let n = m["external_labels"] { g.externalLabels = dictionary(f.stringMap(n)) }
        if let n = m["external_url"] { g.externalURL = f.string(n) }
        if let n = m["name"] { g.name = f.string(n) }
        if let n = m["start_timestamp"], !n.isNull {
            let text = f.string(n)
            if let t = RFC3339.parseTimestamp(text) {
                g.startTimestamp = t
            } else {
                f.fail(n.mark, "cannot parse \(GoQuote.quote(text)) to a valid timestamp")
            }
        }
        return g
    }

    private static func float(f: inout YAMLFields, _ node: YAMLNode) -> Double {
        if node.isNull { return 0 }
        if let d = node.double { return d }
        if case .scalar(let s) = node {
            f.fail(node.mark, "cannot unmarshal \(YAMLFields.tag(node)) `\(s.value)` into float64")
        } else {
            f.fail(node.mark, "cannot unmarshal \(YAMLFields.tag(node)) into float64")
        }
        return 0
    }

    private static func dictionary(_ entries: [(key: String, value: String, mark: Mark)]) -> [String: String] {
        var d: [String: String] = [:]
        for e in entries { d[e.key] = e.value }
        return d
    }
}
