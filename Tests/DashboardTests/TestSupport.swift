import PromQL
import Terminal
import TimeSeries
@testable import Dashboard

/// 2023-11-14 22:00:00 UTC.
let now: Int64 = 1_699_999_200_000

/// A store holding `series`: each a label dictionary (with `__name__`) and a value function of
/// the sample's age in seconds before `now`, sampled every `step` ms over `span` ms.
func makeStore(_ series: [([String: String], (Int64) -> Double)], span: Int64 = 3_600_000, step: Int64 = 15_000,
               metadata: [String: MetricMetadata] = [:]) -> SeriesStore {
    let store = SeriesStore()
    for (labels, value) in series {
        let ref = store.getOrCreate(Labels(labels))
        var t = now - span
        while t <= now {
            store.append(ref, t, value((now - t) / 1000))
            t += step
        }
    }
    for (name, meta) in metadata { store.setMetadata(name, meta) }
    return store
}

func makeApp(_ dashboards: [DashboardSpec], store: SeriesStore, width: Int = 80, height: Int = 24,
             symbols: SymbolSet = .ascii) -> DashboardApp {
    var app = DashboardApp(dashboards: dashboards, evaluator: QueryEvaluator(engine: Engine(querier: store)),
                           rangeCache: RangeQueryCache(), catalog: store, colorLevel: .monochrome, symbols: symbols, now: now)
    app.setSize(width: width, height: height)
    app.tick(now: now)
    return app
}

func lines(_ buffer: Buffer) -> [String] {
    buffer.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

func screen(_ app: DashboardApp) -> [String] {
    lines(app.snapshot(width: app.size.width, height: app.size.height))
}

/// Sends each key and returns the last action.
@discardableResult
func press(_ app: inout DashboardApp, _ keys: [Key]) -> Action {
    var last = Action.none
    for k in keys { last = app.handle(k) }
    return last
}

func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

func textPanel(_ title: String, _ text: String, width: Double = 1, minWidth: Int? = nil) -> PanelSpec {
    PanelSpec(title: title, type: .text, text: text, width: width, minWidth: minWidth)
}
