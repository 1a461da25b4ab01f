import PromQL
import Templates
import TimeSeries

/// Prometheus's `EngineQueryFunc`: an instant query whose scalar result becomes one sample
/// without labels and whose string or matrix result is an error.
enum RuleQuery {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func vector(_ engine: Engine, _ expr: Expr, at t: Int64) throws(Failure) -> [VectorSample] {
        let result: QueryResult
        do {
            result = try engine.instant(expr, at: t)
        } catch {
            throw Failure(description: "\(error)")
        }
        switch result.value {
        case .vector(let v): return v
        case .scalar(let x, let ts): return [VectorSample(labels: .empty, value: x, t: ts)]
        default: throw Failure(description: "rule result is not a vector or scalar")
        }
    }

    /// The `query` function alert templates call, evaluating at the rule's evaluation time.
    static func templateFunction(_ engine: Engine, at t: Int64) -> QueryFunction {
        { text in
            let expr: Expr
            do { expr = try Parser.parse(text) } catch { throw Failure(description: "\(error)") }
            return try vector(engine, expr, at: t).map { s in
                var m: [String: String] = [:]
                for l in s.labels.pairs { m[l.name] = l.value }
                return QueryResultSample(labels: m, value: s.value, timestamp: s.t)
            }
        }
    }
}
