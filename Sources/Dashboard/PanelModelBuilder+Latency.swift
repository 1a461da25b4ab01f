import PromQL
import Terminal
import TimeSeries

/// Latency panels: quantiles from histogram buckets or summary quantiles, and a bucket heatmap.
extension PanelModelBuilder {
    /// What a latency query reads.
    enum LatencySource {
        case histogram(base: String, matchers: [String])
        case summary(base: String, matchers: [String])
        /// Not a bare selector (or nothing known about it): drawn as written.
        case expressions
    }

    func latencySource(_ expr: String) -> LatencySource {
        guard let sel = ExprInfo(expr).selector else { return .expressions }
        var base = sel.name
        for suffix in ["_bucket", "_sum", "_count"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        let meta = catalog?.allMetadata()
        if meta?[base]?.type == .histogram || hasSeries(base + "_bucket") { return .histogram(base: base, matchers: sel.matchers) }
        if meta?[base]?.type == .summary { return .summary(base: base, matchers: sel.matchers) }
        if let c = catalog, let m = try? LabelMatcher(.equal, metricNameLabel, base),
           let q = try? LabelMatcher(.notEqual, "quantile", ""), !c.allSeries(matching: [m, q]).isEmpty {
            return .summary(base: base, matchers: sel.matchers)
        }
        // With no catalog to ask, a name ending in `_bucket` is taken for a histogram.
        if catalog == nil && sel.name.hasSuffix("_bucket") { return .histogram(base: base, matchers: sel.matchers) }
        return .expressions
    }

    func hasSeries(_ name: String) -> Bool {
        guard let c = catalog, let m = try? LabelMatcher(.equal, metricNameLabel, name) else { return false }
        return !c.allSeries(matching: [m]).isEmpty
    }

    /// `p99`, `p99.9`, `p50`.
    static func quantileName(_ q: Double) -> String { "p" + Units.significant((q * 1000).rounded() / 10) }

    func latency(_ spec: PanelSpec, runner: inout QueryRunner) -> PanelModel {
        let first = spec.queries[0]
        let unitQuery: String
        var quantileSeries: [NamedSeries] = []
        var columns: [[Double]] = []
        var bounds: [Double] = []
        var heatStart = range.lowerBound
        var notes: [String] = []
        var showHeatmap = spec.type == .heatmap || spec.type == .latency
        switch latencySource(first.expr) {
        case .histogram(let base, let matchers):
            unitQuery = base
            let buckets = "rate(\(ExprInfo.selector(base + "_bucket", matchers))[\(rateWindow)])"
            if spec.type == .latency {
                for q in spec.effectiveQuantiles {
                    let expr = "histogram_quantile(\(q), sum by (le) (\(buckets)))"
                    switch runner.range(expr) {
                    case .success(let result):
                        for s in result {
                            quantileSeries.append(NamedSeries(name: Self.quantileName(q), timestamps: s.samples.map(\.t),
                                                              values: s.samples.map(\.v)))
                        }
                    case .failure(let f): return message(spec, f.message)
                    }
                }
            }
            switch runner.range("sum by (le) (\(buckets))") {
            case .success(let result):
                let h = Self.heatmap(result)
                (columns, bounds, heatStart) = (h.columns, h.bounds, h.start ?? range.lowerBound)
            case .failure(let f): notes.append(f.message)
            }
        case .summary(let base, let matchers):
            unitQuery = base
            showHeatmap = false
            let wanted = spec.quantiles
            switch runner.range("max by (quantile) (\(ExprInfo.selector(base, matchers, extra: ["quantile!=\"\""])))") {
            case .success(let result):
                let sorted = result.sorted { (Double($0.labels["quantile"]) ?? 0) < (Double($1.labels["quantile"]) ?? 0) }
                for s in sorted {
                    guard let q = Double(s.labels["quantile"]) else { continue }
                    if !wanted.isEmpty && !wanted.contains(where: { abs($0 - q) < 1e-9 }) { continue }
                    quantileSeries.append(NamedSeries(name: Self.quantileName(q), timestamps: s.samples.map(\.t),
                                                      values: s.samples.map(\.v)))
                }
            case .failure(let f): return message(spec, f.message)
            }
        case .expressions:
            unitQuery = first.expr
            showHeatmap = false
            for q in spec.queries {
                switch runner.range(q.expr) {
                case .success(let result): quantileSeries += named(result, q)
                case .failure(let f): return message(spec, f.message)
                }
            }
        }
        let unit = spec.unit == .auto ? Units.infer(metricName: ExprInfo(unitQuery).metricName)
                                      : PanelUnits.resolve(spec.unit, query: unitQuery)
        let model = LatencyModel(quantiles: chart(quantileSeries, spec: spec, queries: spec.queries, runner: runner),
                                 heatmapColumns: columns, bucketBounds: bounds, startMs: heatStart,
                                 stepMs: window.stepMs, showQuantiles: spec.type == .latency || !showHeatmap,
                                 showHeatmap: showHeatmap && !bounds.isEmpty)
        return PanelModel(title: TerminalSafe.line(spec.title), unit: unit, content: .latency(model), notes: notes)
    }

    func message(_ spec: PanelSpec, _ text: String) -> PanelModel {
        PanelModel(title: TerminalSafe.line(spec.title), unit: .count, content: .message(text, isError: true))
    }

    /// Heatmap columns from cumulative bucket rates (one series per `le`): per step, each bucket's
    /// own rate is its cumulative rate minus the next lower bucket's. Steps run from the first to the
    /// last timestamp of any bucket; a missing value counts as zero. `start` is the first column's time.
    static func heatmap(_ buckets: [RangeSeries]) -> (columns: [[Double]], bounds: [Double], start: Int64?) {
        let parsed = buckets.compactMap { s -> (Double, [Int64: Double])? in
            let le = s.labels["le"]
            guard let bound = le == "+Inf" ? Double.infinity : Double(le) else { return nil }
            var byTime: [Int64: Double] = [:]
            for sample in s.samples where sample.v.isFinite { byTime[sample.t] = sample.v }
            return (bound, byTime)
        }.sorted { $0.0 < $1.0 }
        guard !parsed.isEmpty else { return ([], [], nil) }
        let times = Set(parsed.flatMap { $0.1.keys }).sorted()
        let columns = times.map { t -> [Double] in
            var previous = 0.0
            return parsed.map { _, byTime in
                let cumulative = byTime[t] ?? previous
                defer { previous = max(previous, cumulative) }
                return max(0, cumulative - previous)
            }
        }
        return (columns, parsed.map(\.0), times.first)
    }
}
