import TimeSeries

/// The state of one query: its time range, the series each selector needs (fetched once for the
/// whole query), and the annotations raised. Evaluates an expression at one timestamp at a time.
final class Evaluator {
    let querier: any SeriesQuerier
    let start: Int64
    let end: Int64
    let interval: Int64
    let lookback: Int64
    let defaultSubqueryStep: Int64
    /// The query's text for annotation positions; printed from the expression only when an
    /// annotation needs it (printing every query evaluated would cost more than most queries).
    private(set) lazy var queryText: String = givenText ?? expr.description
    private let givenText: String?
    private let expr: Expr
    var annotations = Annotations()
    /// Per distinct matcher set: the span every selector with it reads, and its series once
    /// fetched (one fetch for the whole query).
    private var spans: [SelectorSpan] = []
    /// Positions in `spans` by matcher set, built once a query has many selectors; few are
    /// found faster by comparing matchers.
    private var spanIndex: [LabelMatcherSet: Int]?

    init(engine: Engine, expr: Expr, start: Int64, end: Int64, interval: Int64, queryText: String?) {
        self.querier = engine.querier
        self.start = start
        self.end = end
        self.interval = interval
        self.lookback = engine.lookbackDelta
        self.defaultSubqueryStep = engine.defaultSubqueryStep
        self.givenText = queryText
        self.expr = expr
        plan(expr, lo: start, hi: end)
    }

    // MARK: Selector data

    struct SelectorSpan {
        var matchers: [LabelMatcher]
        var mint: Int64
        var maxt: Int64
        /// Every use is an instant vector selector read at one time with this very window, so
        /// the newest sample of each series in it is all the query reads.
        var latestOnly: Bool
        var data: [SeriesSamples]?
    }

    /// Queries with more distinct selectors than this look their spans up by hash.
    static let linearSpanLimit = 16

    private func spanPosition(_ matchers: [LabelMatcher]) -> Int? {
        if let spanIndex { return spanIndex[LabelMatcherSet(matchers)] }
        return spans.firstIndex { LabelMatcherSet.sameSet($0.matchers, matchers) }
    }

    /// Records the time span each selector reads, for evaluation times in `lo...hi`.
    private func plan(_ e: Expr, lo: Int64, hi: Int64) {
        func need(_ vs: VectorSelector, window: Int64, instant: Bool) {
            let (a, b): (Int64, Int64)
            if let at = vs.at {
                let t = resolve(at) - vs.offset
                (a, b) = (t - window, t)
            } else {
                (a, b) = (lo - vs.offset - window, hi - vs.offset)
            }
            // Read at one time only when the query is evaluated at one time (an instant query, no
            // subquery around the selector) or its time is pinned with `@`.
            let latest = instant && (lo == hi || vs.at != nil)
            if let i = spanPosition(vs.matchers) {
                spans[i].latestOnly = spans[i].latestOnly && latest && spans[i].mint == a && spans[i].maxt == b
                spans[i].mint = min(spans[i].mint, a)
                spans[i].maxt = max(spans[i].maxt, b)
                return
            }
            spans.append(SelectorSpan(matchers: vs.matchers, mint: a, maxt: b, latestOnly: latest))
            if spanIndex != nil {
                spanIndex?[LabelMatcherSet(vs.matchers)] = spans.count - 1
            } else if spans.count > Evaluator.linearSpanLimit {
                var index: [LabelMatcherSet: Int] = [:]
                for (i, span) in spans.enumerated() where index[LabelMatcherSet(span.matchers)] == nil {
                    index[LabelMatcherSet(span.matchers)] = i
                }
                spanIndex = index
            }
        }
        switch e {
        case .number, .string: break
        case .vectorSelector(let vs): need(vs, window: lookback, instant: true)
        case .matrixSelector(let ms): need(ms.selector, window: ms.range, instant: false)
        case .subquery(let sq):
            if let at = sq.at {
                let t = resolve(at) - sq.offset
                plan(sq.expr, lo: t - sq.range, hi: t)
            } else {
                plan(sq.expr, lo: lo - sq.offset - sq.range, hi: hi - sq.offset)
            }
        case .paren(let x, _), .unary(_, let x, _): plan(x, lo: lo, hi: hi)
        case .binary(let b):
            plan(b.lhs, lo: lo, hi: hi)
            plan(b.rhs, lo: lo, hi: hi)
        case .aggregate(let a):
            if let p = a.param { plan(p, lo: lo, hi: hi) }
            plan(a.expr, lo: lo, hi: hi)
        case .call(let c):
            for x in c.args { plan(x, lo: lo, hi: hi) }
        }
    }

    func resolve(_ at: AtModifier) -> Int64 {
        switch at {
        case .timestamp(let t): return t
        case .start: return start
        case .end: return end
        }
    }

    func series(_ vs: VectorSelector) -> [SeriesSamples] {
        let i: Int
        if let known = spanPosition(vs.matchers) {
            if let d = spans[known].data { return d }
            i = known
        } else {
            // Not planned (cannot happen for selectors of the planned expression); fetch the
            // default span without keeping it.
            return Evaluator.sortedByLabels(querier.select(vs.matchers, mint: start - lookback, maxt: end))
        }
        let span = spans[i]
        let d = Evaluator.sortedByLabels(span.latestOnly
            ? querier.selectLatest(span.matchers, mint: span.mint, maxt: span.maxt)
            : querier.select(span.matchers, mint: span.mint, maxt: span.maxt))
        spans[i].data = d
        return d
    }

    /// Series in label order; a querier's result usually is already (the store sorts it).
    static func sortedByLabels(_ series: [SeriesSamples]) -> [SeriesSamples] {
        var sorted = true
        for k in series.indices.dropFirst() where !(series[k - 1].labels < series[k].labels) {
            sorted = false
            break
        }
        return sorted ? series : series.sorted { $0.labels < $1.labels }
    }

    /// Index of the first sample with `t > bound`.
    static func firstAfter(_ s: [Sample], _ bound: Int64) -> Int {
        var lo = 0, hi = s.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s[mid].t <= bound { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Evaluation

    func eval(_ e: Expr, _ ts: Int64) throws -> Value {
        switch e {
        case .number(let v, _): return .scalar(v)
        case .string(let s, _): return .string(s)
        case .paren(let x, _): return try eval(x, ts)
        case .unary(let op, let x, _):
            let v = try eval(x, ts)
            guard op == .minus else { return v }
            switch v {
            case .scalar(let s): return .scalar(-s)
            case .vector(let vec):
                return .vector(vec.map { VectorSample(labels: $0.labels, value: -$0.value, t: $0.t, dropName: true) })
            default: return v
            }
        case .vectorSelector(let vs): return .vector(selectVector(vs, ts))
        case .matrixSelector(let ms):
            let (_, _, m) = selectMatrix(ms, ts)
            return .matrix(m)
        case .subquery(let sq):
            let (_, _, m) = try evalSubquery(sq, ts)
            return .matrix(m)
        case .binary(let b): return try evalBinary(b, ts)
        case .aggregate(let a): return try evalAggregate(a, ts)
        case .call(let c): return try evalCall(c, ts)
        }
    }

    /// The latest sample of each series in `(ref - lookback, ref]`, unless it is a stale marker.
    func selectVector(_ vs: VectorSelector, _ ts: Int64, keepTimestamps: Bool = false) -> [VectorSample] {
        let ref = (vs.at.map(resolve) ?? ts) - vs.offset
        var out: [VectorSample] = []
        for s in series(vs) {
            let i = Evaluator.firstAfter(s.samples, ref)
            guard i > 0 else { continue }
            let smp = s.samples[i - 1]
            if smp.t <= ref - lookback || StaleNaN.isStale(smp.v) { continue }
            out.append(VectorSample(labels: s.labels, value: smp.v, t: keepTimestamps ? smp.t : ts))
        }
        return out
    }

    /// Samples of each series in `(ref - range, ref]`, stale markers removed; empty series dropped.
    func selectMatrix(_ ms: MatrixSelector, _ ts: Int64) -> (rangeStart: Int64, rangeEnd: Int64, [RangeSeries]) {
        let ref = (ms.selector.at.map(resolve) ?? ts) - ms.selector.offset
        let lo = ref - ms.range
        var out: [RangeSeries] = []
        for s in series(ms.selector) {
            let a = Evaluator.firstAfter(s.samples, lo)
            let b = Evaluator.firstAfter(s.samples, ref)
            guard a < b else { continue }
            let window = s.samples[a..<b]
            let pts: [Sample]
            if !window.contains(where: { StaleNaN.isStale($0.v) }) {
                // The usual case: no stale markers, so no filtering (and no copy for a whole window).
                pts = a == 0 && b == s.samples.count ? s.samples : Array(window)
            } else {
                pts = window.filter { !StaleNaN.isStale($0.v) }
                if pts.isEmpty { continue }
            }
            out.append(RangeSeries(labels: s.labels, samples: pts))
        }
        return (lo, ref, out)
    }

    /// Evaluates the inner expression at absolute multiples of the step inside `(ref - range, ref]`.
    func evalSubquery(_ sq: SubqueryExpr, _ ts: Int64) throws -> (rangeStart: Int64, rangeEnd: Int64, [RangeSeries]) {
        let ref = (sq.at.map(resolve) ?? ts) - sq.offset
        let step = sq.step == 0 ? defaultSubqueryStep : sq.step
        let lo = ref - sq.range
        var t = step * (lo / step)
        if t <= lo { t += step }
        var series: [SeriesKey: RangeSeries] = [:]
        var order: [SeriesKey] = []
        while t <= ref {
            switch try eval(sq.expr, t) {
            case .scalar(let v):
                let k = SeriesKey(labels: .empty, dropName: false)
                if series[k] == nil { order.append(k) }
                series[k, default: RangeSeries(labels: .empty, samples: [])].samples.append(Sample(t: t, v: v))
            case .vector(let vec):
                for s in vec {
                    let k = SeriesKey(labels: s.labels, dropName: s.dropName)
                    if series[k] == nil { order.append(k) }
                    series[k, default: RangeSeries(labels: s.labels, samples: [], dropName: s.dropName)]
                        .samples.append(Sample(t: t, v: s.value))
                }
            default: break
            }
            t += step
        }
        let out = order.map { series[$0]! }.sorted { $0.labels < $1.labels }
        return (lo, ref, out)
    }

    // MARK: Finishing

    /// Removes names marked for dropping; duplicate label sets are an error.
    static func finish(_ vec: [VectorSample]) throws -> [VectorSample] {
        var out = vec
        for i in out.indices where out[i].dropName {
            out[i].labels = out[i].labels.withoutMetricName()
            out[i].dropName = false
        }
        // A few label sets are compared pairwise; hashing them would cost more.
        var duplicate = false
        if out.count <= 8 {
            for i in out.indices.dropFirst() where out[..<i].contains(where: { $0.labels == out[i].labels }) {
                duplicate = true
                break
            }
        } else {
            var seen = Set<Labels>(minimumCapacity: out.count)
            for s in out where !seen.insert(s.labels).inserted {
                duplicate = true
                break
            }
        }
        if duplicate { throw EvaluationError("vector cannot contain metrics with the same labelset") }
        return out
    }

    /// Removes names marked for dropping and merges series that become equal; overlapping
    /// points in such series are an error. Sorted by labels.
    static func finish(_ m: [RangeSeries]) throws -> [RangeSeries] {
        var byLabels: [Labels: RangeSeries] = [:]
        for var s in m {
            if s.dropName {
                s.labels = s.labels.withoutMetricName()
                s.dropName = false
            }
            if var old = byLabels[s.labels] {
                let times = Set(old.samples.map(\.t))
                if s.samples.contains(where: { times.contains($0.t) }) {
                    throw EvaluationError("vector cannot contain metrics with the same labelset")
                }
                old.samples += s.samples
                old.samples.sort { $0.t < $1.t }
                byLabels[s.labels] = old
            } else {
                byLabels[s.labels] = s
            }
        }
        return byLabels.values.sorted { $0.labels < $1.labels }
    }

    func warn(_ text: String, at pos: Int) {
        annotations.add(.warning, text, query: queryText, position: pos)
    }

    func info(_ text: String, at pos: Int) {
        annotations.add(.info, text, query: queryText, position: pos)
    }
}
