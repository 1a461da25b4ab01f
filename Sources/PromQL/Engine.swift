import TimeSeries

/// Evaluates PromQL over any `SeriesQuerier` with Prometheus 3.x semantics: left-open range and
/// lookback windows, staleness markers, delayed `__name__` removal.
public struct Engine: Sendable {
    public var querier: any SeriesQuerier
    /// How far back an instant selector looks for a sample (milliseconds).
    public var lookbackDelta: Int64
    /// Step of subqueries written without one (`[5m:]`), Prometheus's global evaluation interval.
    public var defaultSubqueryStep: Int64

    public init(querier: any SeriesQuerier, lookbackDelta: Int64 = 300_000, defaultSubqueryStep: Int64 = 60_000) {
        self.querier = querier
        self.lookbackDelta = lookbackDelta
        self.defaultSubqueryStep = defaultSubqueryStep
    }

    /// Parses and evaluates `query` at `t` (milliseconds).
    public func instant(_ query: String, at t: Int64) throws -> QueryResult {
        try instant(try Parser.parse(query), at: t, queryText: query)
    }

    /// Evaluates at one time. `queryText` is the text `expr` was parsed from, for annotation positions.
    public func instant(_ expr: Expr, at t: Int64, queryText: String? = nil) throws -> QueryResult {
        let ev = Evaluator(engine: self, expr: expr, start: t, end: t, interval: defaultSubqueryStep,
                           queryText: queryText)
        let v = try ev.eval(expr, t)
        let value: QueryValue
        switch v {
        case .scalar(let x): value = .scalar(x, t: t)
        case .string(let s): value = .string(s, t: t)
        case .vector(let vec): value = .vector(try Evaluator.finish(vec))
        case .matrix(let m): value = .matrix(try Evaluator.finish(m))
        }
        return QueryResult(value: value, annotations: ev.annotations)
    }

    /// Parses and evaluates `query` at every step from `start` to `end` inclusive.
    public func range(_ query: String, start: Int64, end: Int64, step: Int64) throws -> QueryResult {
        try range(try Parser.parse(query), start: start, end: end, step: step, queryText: query)
    }

    /// A range query: a matrix sorted by labels (scalars become one series without labels).
    public func range(_ expr: Expr, start: Int64, end: Int64, step: Int64, queryText: String? = nil) throws -> QueryResult {
        guard step > 0 else { throw EvaluationError("zero or negative query resolution step widths are not accepted. Try a positive integer") }
        guard end >= start else { throw EvaluationError("end timestamp must not be before start time") }
        let t = expr.type
        guard t == .scalar || t == .vector else {
            throw EvaluationError("invalid expression type \"\(t.rawValue)\" for range query, must be Scalar or instant Vector")
        }
        let ev = Evaluator(engine: self, expr: expr, start: start, end: end, interval: step,
                           queryText: queryText)
        var series: [SeriesKey: RangeSeries] = [:]
        var ts = start
        while ts <= end {
            switch try ev.eval(expr, ts) {
            case .scalar(let x):
                series[SeriesKey(labels: .empty, dropName: false), default: RangeSeries(labels: .empty, samples: [])]
                    .samples.append(Sample(t: ts, v: x))
            case .vector(let vec):
                var seen = Set<SeriesKey>()
                for s in vec {
                    let key = SeriesKey(labels: s.labels, dropName: s.dropName)
                    if !seen.insert(key).inserted {
                        throw EvaluationError("vector cannot contain metrics with the same labelset")
                    }
                    series[key, default: RangeSeries(labels: s.labels, samples: [], dropName: s.dropName)]
                        .samples.append(Sample(t: ts, v: s.value))
                }
            default:
                break
            }
            ts += step
        }
        let merged = try Evaluator.finish(Array(series.values))
        return QueryResult(value: .matrix(merged), annotations: ev.annotations)
    }
}

/// Identity of an output series while a range query collects it.
struct SeriesKey: Hashable {
    var labels: Labels
    var dropName: Bool
}

/// A query's value and the annotations raised while computing it.
public struct QueryResult: Sendable {
    public var value: QueryValue
    public var annotations: Annotations
}
