/// The front door for panels and rules: parses, evaluates through an `Engine` and shares
/// instant results through an `EvaluationCache`, so one expression at one time runs once.
public struct QueryEvaluator: Sendable {
    public let engine: Engine
    public let cache: EvaluationCache

    public init(engine: Engine, cache: EvaluationCache = EvaluationCache()) {
        self.engine = engine
        self.cache = cache
    }

    /// Parses `query` (parse errors are thrown with their column) and evaluates it at `time`.
    public func instant(_ query: String, at time: Int64) throws -> QueryResult {
        try instant(try Parser.parse(query), at: time, queryText: query)
    }

    public func instant(_ expr: Expr, at time: Int64, queryText: String? = nil) throws -> QueryResult {
        let key = EvaluationCache.Key(expression: expr.description, time: time)
        if let hit = cache.value(for: key) { return hit }
        let result = try engine.instant(expr, at: time, queryText: queryText)
        cache.store(result, for: key)
        return result
    }

    /// Range queries are evaluated directly (their results depend on start, end and step).
    public func range(_ query: String, start: Int64, end: Int64, step: Int64) throws -> QueryResult {
        try engine.range(query, start: start, end: end, step: step)
    }
}
