import Config
import PromQL
import Terminal
import TimeSeries

/// Turns a panel's spec and its query results into a `PanelModel`.
public struct PanelModelBuilder {
    public var window: TimeWindow
    public var range: ClosedRange<Int64>
    public var catalog: (any MetricCatalog)?
    public var filter: SeriesFilter?
    public var alertThresholds: [AlertThreshold]
    /// Most rows a table panel keeps (top-N by the first sort).
    public var tableLimit = 200

    public init(window: TimeWindow, range: ClosedRange<Int64>, catalog: (any MetricCatalog)?, filter: SeriesFilter?,
                alertThresholds: [AlertThreshold] = []) {
        self.window = window
        self.range = range
        self.catalog = catalog
        self.filter = filter
        self.alertThresholds = alertThresholds
    }

    var rateWindow: String { PromDuration(milliseconds: window.rateWindowMs).description }

    public func build(_ spec: PanelSpec, runner: inout QueryRunner) -> PanelModel {
        let unit = PanelUnits.resolve(spec.unit, query: spec.queries.first?.expr, rated: spec.type == .throughput)
        func model(_ content: PanelModel.Content, notes: [String] = [], unit u: Unit? = nil) -> PanelModel {
            PanelModel(title: TerminalSafe.line(spec.title), unit: u ?? unit, content: content, notes: notes)
        }
        switch spec.type {
        case .text: return model(.text(TerminalText.sanitize(spec.text ?? "", keepNewlines: true)))
        case .alerts: return model(.alerts)
        case .targets: return model(.targets)
        default: break
        }
        guard !spec.queries.isEmpty else { return model(.message("no query", isError: true)) }
        switch spec.type {
        case .latency, .heatmap:
            return latency(spec, runner: &runner)
        case .queue:
            return queue(spec, runner: &runner)
        default:
            break
        }
        let queries = spec.type == .throughput ? spec.queries.map(throughputQuery) : spec.queries
        var series: [NamedSeries] = []
        var notes: [String] = []
        for (i, q) in queries.enumerated() {
            switch runner.range(q.expr) {
            case .success(let result): series += named(result, q)
            case .failure(let f):
                if i == 0 && queries.count == 1 { return model(.message(f.message, isError: true)) }
                notes.append(f.message)
            }
        }
        series = series.filter { filter?.matches($0.name) ?? true }
        switch spec.type {
        case .stat:
            let first = series.first
            return model(.stat(StatModel(value: first?.stats?.last, label: first?.name ?? "no data",
                                         history: first?.values ?? [], thresholds: spec.thresholds)), notes: notes)
        case .gauge, .bar:
            let items = series.map { (name: $0.name, value: $0.stats?.last ?? .nan) }
            let defaultMax: Double? = unit == .percent ? 100 : unit == .ratio ? 1 : nil
            return model(.bars(BarsModel(items: items, min: spec.min ?? 0, max: spec.max ?? defaultMax,
                                         thresholds: spec.thresholds, single: spec.type == .gauge && items.count == 1)),
                         notes: notes)
        case .table:
            let rows = series.map { TableModel.Row(name: $0.name, stats: $0.stats) }
            let top = TableModel(rows: rows).sorted(by: .last, ascending: false).prefix(tableLimit)
            return model(.table(TableModel(rows: Array(top))), notes: notes)
        default:
            return model(.chart(chart(series, spec: spec, queries: queries, runner: runner)), notes: notes)
        }
    }

    /// The series of one query result, named by the query's legend.
    func named(_ result: [RangeSeries], _ q: PanelSpec.Query) -> [NamedSeries] {
        let names = SeriesNaming.names(for: result.map(\.labels), template: q.legend, expr: TerminalSafe.line(q.expr))
        return zip(result, names).map { s, name in
            NamedSeries(name: name, timestamps: s.samples.map(\.t), values: s.samples.map(\.v))
        }
    }

    func chart(_ series: [NamedSeries], spec: PanelSpec, queries: [PanelSpec.Query], runner: QueryRunner) -> ChartModel {
        var thresholds = spec.thresholds.map { ChartModel.Threshold(value: $0.value, tone: .config($0.color)) }
        if !alertThresholds.isEmpty {
            let canonical = Set(queries.compactMap { runner.canonical($0.expr) })
            for t in alertThresholds where canonical.contains(t.expr) {
                thresholds.append(ChartModel.Threshold(value: t.value, tone: .alert))
            }
        }
        return ChartModel(series: series, range: range, stepMs: window.stepMs, yMin: spec.min, yMax: spec.max,
                          log: spec.log, stacked: spec.stacked, thresholds: thresholds)
    }

    /// A bare counter selector becomes its per-second rate; anything else is drawn as written.
    func throughputQuery(_ q: PanelSpec.Query) -> PanelSpec.Query {
        let info = ExprInfo(q.expr)
        guard let sel = info.selector else { return q }
        let counterLike = ["_total", "_count", "_sum", "_bucket"].contains { sel.name.hasSuffix($0) }
            || catalog?.allMetadata()[sel.name]?.type == .counter
        guard counterLike else { return q }
        return PanelSpec.Query("rate(\(ExprInfo.selector(sel.name, sel.matchers))[\(rateWindow)])", legend: q.legend)
    }
}
