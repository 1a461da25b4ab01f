import PromQL
import TimeSeries

/// Evaluates the range queries of one refresh over one time span. Panels asking for the same
/// expression (compared in canonical form) get the same result, evaluated once; a
/// `RangeQueryCache` keeps settled steps between refreshes.
public struct QueryRunner: Sendable {
    public let evaluator: QueryEvaluator
    public let rangeCache: RangeQueryCache?
    public let start: Int64
    public let end: Int64
    public let step: Int64
    /// Parsed queries kept between refreshes (nil: parse each time).
    public let parsed: ParsedQueryCache?
    private var memo: [String: Result<[RangeSeries], QueryFailure>] = [:]
    /// Evaluations actually run (not served from the memo): for tests and stats.
    public private(set) var evaluations = 0

    public init(evaluator: QueryEvaluator, rangeCache: RangeQueryCache?, start: Int64, end: Int64, step: Int64,
                parsed: ParsedQueryCache? = nil) {
        self.evaluator = evaluator
        self.parsed = parsed
        self.rangeCache = rangeCache
        self.start = start
        self.end = end
        self.step = max(1, step)
    }

    /// The series of `query` over the span (a scalar gives one series without labels).
    public mutating func range(_ query: String) -> Result<[RangeSeries], QueryFailure> {
        let expr: Expr
        let key: String
        if let parsed {
            switch parsed.parse(query) {
            case .success(let entry): (expr, key) = (entry.expr, entry.key)
            case .failure(let error): return .failure(QueryFailure(message: TerminalSafe.line(error.description)))
            }
        } else {
            do {
                expr = try Parser.parse(query)
            } catch {
                return .failure(QueryFailure(message: TerminalSafe.line(error.description)))
            }
            key = expr.description
        }
        if let hit = memo[key] { return hit }
        let result: Result<[RangeSeries], QueryFailure>
        do {
            let value: QueryResult
            if let cache = rangeCache {
                value = try cache.range(expr, key: key, start: start, end: end, step: step, engine: evaluator.engine)
            } else {
                value = try evaluator.engine.range(expr, start: start, end: end, step: step, queryText: query)
            }
            switch value.value {
            case .matrix(let m): result = .success(try withPointAtEnd(m, expr, query))
            case .scalar(let v, let t): result = .success([RangeSeries(labels: .empty, samples: [Sample(t: t, v: v)])])
            case .vector(let v): result = .success(v.map { RangeSeries(labels: $0.labels, samples: [Sample(t: $0.t, v: $0.value)]) })
            case .string: result = .failure(QueryFailure(message: "a string expression cannot be drawn"))
            }
        } catch {
            result = .failure(QueryFailure(message: TerminalSafe.line(String(describing: error))))
        }
        evaluations += 1
        memo[key] = result
        return result
    }
}

extension QueryRunner {
    /// The canonical text of `query` (nil when it does not parse).
    func canonical(_ query: String) -> String? {
        if let parsed {
            guard case .success(let entry) = parsed.parse(query) else { return nil }
            return entry.key
        }
        return try? Parser.parse(query).description
    }

    /// The step grid ends before `end` unless `end` falls on a step: add the value at exactly `end`,
    /// so the newest sample shows at once (right after the first poll, too) and "last" is current.
    func withPointAtEnd(_ m: [RangeSeries], _ expr: Expr, _ query: String) throws -> [RangeSeries] {
        // The range cache aligns the grid's start down to the step; the engine starts at `start`.
        let gridStart = rangeCache == nil ? start : start - ((start % step) + step) % step
        guard (end - gridStart) % step != 0 else { return m }
        // Straight to the engine: an instant at this refresh's own `end` is never asked for again,
        // so the shared evaluation cache would only pay for keying and storing it.
        let instant = try evaluator.engine.instant(expr, at: end, queryText: query)
        var latest: [Labels: Double] = [:]
        switch instant.value {
        case .vector(let v): for s in v { latest[s.labels] = s.value }
        case .scalar(let v, _): latest[.empty] = v
        default: return m
        }
        var out = m
        for i in out.indices {
            if let v = latest.removeValue(forKey: out[i].labels) { out[i].samples.append(Sample(t: end, v: v)) }
        }
        for (labels, v) in latest { out.append(RangeSeries(labels: labels, samples: [Sample(t: end, v: v)])) }
        return out.sorted { $0.labels < $1.labels }
    }
}

/// Why a panel query gave nothing to draw; the message is safe for the terminal.
public struct QueryFailure: Error, Hashable, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
}
