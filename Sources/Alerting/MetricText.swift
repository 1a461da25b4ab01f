import PromQL
import TimeSeries

/// Prometheus's `parser.ParseMetric` for `exp_samples` labels: `name{a="b"}`, `{a="b"}` or
/// nothing, to a label list (empty values kept, as Go's `labels.Labels` keeps them).
enum MetricText {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws(Failure) -> [Label] {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty || trimmed == "{}" { return [] }
        let expr: Expr
        do { expr = try Parser.parse(trimmed) } catch { throw Failure(description: "\(error)") }
        guard case .vectorSelector(let vs) = expr, vs.offset == 0, vs.at == nil else {
            throw Failure(description: "1:1: parse error: unexpected expression, expected a metric with labels")
        }
        var pairs: [Label] = []
        for m in vs.matchers {
            guard m.kind == .equal else {
                throw Failure(description: "1:1: parse error: unexpected \"\(m.kind.rawValue)\" in label set, expected \"=\"")
            }
            pairs.append(Label(m.name, m.value))
        }
        var out: [Label] = []
        for p in pairs.sorted(by: { $0.name < $1.name }) {
            if let last = out.last, last.name == p.name { out[out.count - 1] = p } else { out.append(p) }
        }
        return out
    }
}
