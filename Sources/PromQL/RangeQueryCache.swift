import Synchronization
import TimeSeries

/// Keeps each chart's range-query result between refreshes, so a refresh evaluates only the
/// steps that are new, not the whole window again.
///
/// Steps are aligned to the step width, so a window that slid forward shares its older steps
/// with the previous one. A step is reused only once it is "settled": older than `settleMargin`
/// before the newest step evaluated, since a late sample can still land in the latest scrape
/// interval. Expressions with `@ start()`/`@ end()` depend on the whole window and are never
/// reused. Every step is an independent evaluation in PromQL, so reuse gives exactly the
/// result a full evaluation would.
public final class RangeQueryCache: Sendable {
    private struct Entry {
        var step: Int64
        /// Samples of steps up to and including `settled`, by series.
        var series: [Labels: [Sample]]
        var settled: Int64
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// How far behind the newest step a step must be before it is reused (milliseconds).
    public let settleMargin: Int64
    public let capacity: Int

    public init(settleMargin: Int64 = 60_000, capacity: Int = 256) {
        self.settleMargin = settleMargin
        self.capacity = capacity
    }

    /// The range query `expr` over `[start, end]` (start aligned down to the step), reusing
    /// settled steps of the previous call with the same `key` and step.
    public func range(_ expr: Expr, key: String, start: Int64, end: Int64, step: Int64, engine: Engine) throws -> QueryResult {
        let alignedStart = start - ((start % step) + step) % step
        guard Self.isReusable(expr) else {
            return try engine.range(expr, start: alignedStart, end: end, step: step, queryText: key)
        }
        let previous = entries.withLock { $0[key] }
        var reuse: [Labels: [Sample]] = [:]
        var from = alignedStart
        if let p = previous, p.step == step, p.settled >= alignedStart {
            for (labels, samples) in p.series {
                let kept = samples.filter { $0.t >= alignedStart }
                if !kept.isEmpty { reuse[labels] = kept }
            }
            from = p.settled + step
        }
        var merged = reuse
        var annotations = Annotations()
        if from <= end {
            let fresh = try engine.range(expr, start: from, end: end, step: step, queryText: key)
            annotations = fresh.annotations
            guard case .matrix(let m) = fresh.value else { return fresh }
            for s in m { merged[s.labels, default: []].append(contentsOf: s.samples) }
        }
        // Settle everything older than the margin for the next call.
        let settled = end - settleMargin - ((end - settleMargin - alignedStart) % step + step) % step
        var keep: [Labels: [Sample]] = [:]
        for (labels, samples) in merged {
            let s = samples.filter { $0.t <= settled }
            if !s.isEmpty { keep[labels] = s }
        }
        entries.withLock { e in
            if e.count >= capacity, e[key] == nil { e.removeAll() }
            e[key] = Entry(step: step, series: keep, settled: max(settled, alignedStart - step))
        }
        let matrix = merged.map { RangeSeries(labels: $0.key, samples: $0.value) }.sorted { $0.labels < $1.labels }
        return QueryResult(value: .matrix(matrix), annotations: annotations)
    }

    public func removeAll() { entries.withLock { $0.removeAll() } }

    /// False when the expression refers to the query's own start or end.
    static func isReusable(_ expr: Expr) -> Bool {
        var ok = true
        ExprWalk.visit(expr) { e in
            switch e {
            case .vectorSelector(let v) where v.at == .start || v.at == .end: ok = false
            case .matrixSelector(let m) where m.selector.at == .start || m.selector.at == .end: ok = false
            case .subquery(let s) where s.at == .start || s.at == .end: ok = false
            default: break
            }
        }
        return ok
    }
}
