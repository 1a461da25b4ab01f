import Alerting
import TimeSeries

/// Builds a store with series and a group evaluator from rule-file text.
struct EvalFixture {
    let store = SeriesStore()
    let evaluator: RuleGroupEvaluator

    init(rules: String, externalLabels: Labels = .empty, externalURL: String = "", series: [(Labels, [(Int64, Double)])] = []) throws {
        for (labels, samples) in series {
            let ref = store.getOrCreate(labels)
            for (t, v) in samples { store.append(ref, t, v) }
        }
        let file = try RuleFileLoader.parse(text: rules, file: "rules.yml")
        let context = RuleEvaluationContext(store: store, externalLabels: externalLabels, externalURL: externalURL)
        evaluator = RuleGroupEvaluator(group: file.groups[0], context: context)
    }

    /// Samples of the series matching `name` and `extra` exact matchers.
    func samples(_ name: String, _ extra: [String: String] = [:]) throws -> [Labels: [Sample]] {
        var matchers = [try LabelMatcher(.equal, metricNameLabel, name)]
        for (k, v) in extra { matchers.append(try LabelMatcher(.equal, k, v)) }
        var out: [Labels: [Sample]] = [:]
        for s in store.select(matchers, mint: .min, maxt: .max) { out[s.labels] = s.samples }
        return out
    }

    static func minutes(_ m: Int64) -> Int64 { m * 60_000 }
}

extension Labels {
    init(_ pairs: KeyValuePairs<String, String>) {
        self.init(pairs.map { Label($0.key, $0.value) })
    }
}
