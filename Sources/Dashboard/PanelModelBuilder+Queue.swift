import PromQL
import Terminal
import TimeSeries

/// Queue panels: depth, rates and consumers per queue, with drain and fill times from the trend.
extension PanelModelBuilder {
    static let queueCompanions = ["in_rate", "out_rate", "consumers"]

    func queue(_ spec: PanelSpec, runner: inout QueryRunner) -> PanelModel {
        let first = spec.queries[0]
        let depthResult: [RangeSeries]
        switch runner.range(first.expr) {
        case .success(let r): depthResult = r
        case .failure(let f): return message(spec, f.message)
        }
        // The companions of a `vigil_queue_depth{...}` selector, matched to depth series by labels.
        var companions: [String: [Labels: Double]] = [:]
        var notes: [String] = []
        if let sel = ExprInfo(first.expr).selector, sel.name == "vigil_queue_depth" {
            for name in Self.queueCompanions {
                switch runner.range(ExprInfo.selector("vigil_queue_" + name, sel.matchers)) {
                case .success(let r):
                    for s in r {
                        if let last = s.samples.last(where: { $0.v.isFinite }) {
                            companions[name, default: [:]][s.labels.withoutMetricName()] = last.v
                        }
                    }
                case .failure(let f): notes.append(f.message)
                }
            }
        }
        let names = queueNames(depthResult, legend: first.legend, expr: first.expr)
        var rows: [QueueRow] = []
        var depthSeries: [NamedSeries] = []
        for (s, name) in zip(depthResult, names) {
            guard filter?.matches(name) ?? true else { continue }
            let series = NamedSeries(name: name, timestamps: s.samples.map(\.t), values: s.samples.map(\.v))
            depthSeries.append(series)
            let key = s.labels.withoutMetricName()
            rows.append(Self.queueRow(name: name, series: series, capacity: spec.max,
                                      inRate: companions["in_rate"]?[key], outRate: companions["out_rate"]?[key],
                                      consumers: companions["consumers"]?[key]))
        }
        let chartModel = ChartModel(series: depthSeries, range: range, stepMs: window.stepMs, yMin: nil, yMax: spec.max,
                                    log: false, stacked: false,
                                    thresholds: spec.thresholds.map { .init(value: $0.value, tone: .config($0.color)) })
        return PanelModel(title: TerminalSafe.line(spec.title), unit: .count,
                          content: .queue(QueueModel(rows: rows, depth: chartModel)), notes: notes)
    }

    /// `system/queue` when the series have those labels, else the usual legend names.
    func queueNames(_ result: [RangeSeries], legend: String?, expr: String) -> [String] {
        if legend == nil && result.allSatisfy({ $0.labels.has("queue") }) {
            let systems = Set(result.map { $0.labels["system"] })
            return result.map { s in
                TerminalSafe.line(systems.count > 1 ? "\(s.labels["system"])/\(s.labels["queue"])" : s.labels["queue"])
            }
        }
        return SeriesNaming.names(for: result.map(\.labels), template: legend, expr: expr)
    }

    /// One queue's row: the latest depth and the least-squares trend over the window. Shrinking
    /// gives the time to drain (depth / -slope); growing with a capacity gives the time to full.
    public static func queueRow(name: String, series: NamedSeries, capacity: Double?, inRate: Double? = nil,
                                outRate: Double? = nil, consumers: Double? = nil) -> QueueRow {
        let depth = series.stats?.last ?? .nan
        let slope = series.slopePerSecond
        var drain: Double?
        var full: Double?
        if let s = slope, depth.isFinite {
            if s < 0 && depth > 0 { drain = depth / -s }
            if s > 0, let cap = capacity, cap > depth { full = (cap - depth) / s }
        }
        return QueueRow(name: name, depth: depth, inRate: inRate, outRate: outRate, consumers: consumers,
                        slopePerSecond: slope, drainSeconds: drain, fullSeconds: full)
    }
}
