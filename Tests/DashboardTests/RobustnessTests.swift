import Testing
import Polling
import PromQL
import Terminal
import TimeSeries
@testable import Dashboard

@Suite struct RobustnessTests {
    static let store = makeStore([
        (["__name__": "lat_bucket", "le": "0.1"], { Double(3600 - $0) }),
        (["__name__": "lat_bucket", "le": "+Inf"], { Double(3600 - $0) * 2 }),
        (["__name__": "rpc_seconds", "quantile": "0.5"], { _ in 0.02 }),
        (["__name__": "rpc_seconds", "quantile": "0.99"], { _ in 0.4 }),
        (["__name__": "vigil_queue_depth", "queue": "q"], { Double($0) }),
        (["__name__": "g"], { Double($0 % 7) }),
    ], step: 5_000, metadata: ["lat": MetricMetadata(type: .histogram), "rpc_seconds": MetricMetadata(type: .summary)])

    static let panels: [PanelSpec] = [
        PanelSpec(title: "ts", type: .timeseries, queries: [.init("g")], log: true),
        PanelSpec(title: "lat", type: .latency, queries: [.init("lat")]),
        PanelSpec(title: "heat", type: .heatmap, queries: [.init("lat_bucket")]),
        PanelSpec(title: "sum", type: .latency, queries: [.init("rpc_seconds")]),
        PanelSpec(title: "tp", type: .throughput, queries: [.init("lat_bucket")], stacked: true),
        PanelSpec(title: "q", type: .queue, queries: [.init("vigil_queue_depth")]),
        PanelSpec(title: "stat", type: .stat, queries: [.init("g")]),
        PanelSpec(title: "gauge", type: .gauge, queries: [.init("g")]),
        PanelSpec(title: "bar", type: .bar, queries: [.init("g")]),
        PanelSpec(title: "table", type: .table, queries: [.init("g")]),
        PanelSpec(title: "alerts", type: .alerts),
        PanelSpec(title: "targets", type: .targets),
        PanelSpec(title: "text", type: .text, text: "line one\nline two"),
        PanelSpec(title: "empty", type: .timeseries, queries: [.init("nothing_here")]),
    ]

    @Test(arguments: panels)
    func everyPanelTypeDrawsAtAnySize(_ panel: PanelSpec) {
        let d = DashboardSpec(title: "D", rows: [.init(panels: [panel])])
        var app = makeApp([d], store: Self.store, width: 40, height: 20, symbols: .braille)
        var t = TargetStatus(job: "j", instance: "i")
        t.lastError = "boom\u{1B}[2J"
        app.targets = [t]
        app.alerts = [AlertRow(id: "a", name: "A\u{9B}31m", state: .firing, since: now)]
        #expect(app.models.count == 1)
        for w in [0, 1, 2, 3, 5, 8, 13, 21, 34, 55] {
            for h in [0, 1, 2, 3, 5, 8, 13, 21] {
                let b = app.snapshot(width: w, height: h)
                #expect(b.area.width == w && b.area.height == h)
                #expect(!b.cells.contains { $0.symbol.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B } })
            }
        }
        press(&app, [.enter])
        _ = app.snapshot(width: 7, height: 5)
    }

    @Test func summaryQuantilesAreDrawnAsTheyAre() throws {
        let d = DashboardSpec(title: "D", rows: [.init(panels: [Self.panels[3]])])
        let app = makeApp([d], store: Self.store)
        guard case .latency(let l)? = app.models[PanelID(row: 0, column: 0)]?.content else { Issue.record("no latency"); return }
        #expect(l.quantiles.series.map(\.name) == ["p50", "p99"])
        #expect(try #require(l.quantiles.series[1].stats?.last) == 0.4)
        #expect(!l.showHeatmap)
    }

    @Test func staleSeriesEndWhereTheMarkerIs() {
        let store = SeriesStore()
        let ref = store.getOrCreate(Labels(["__name__": "m"]))
        var t = now - 900_000
        while t <= now - 300_000 { store.append(ref, t, 1); t += 5_000 }
        store.markStale(ref, now - 295_000)
        let d = DashboardSpec(title: "D", rows: [.init(panels: [PanelSpec(title: "m", type: .timeseries, queries: [.init("m")])])])
        let app = makeApp([d], store: store)
        guard case .chart(let c)? = app.models[PanelID(row: 0, column: 0)]?.content else { Issue.record("no chart"); return }
        #expect(c.series.first?.timestamps.last == now - 300_000)
    }

    @Test func keysInEveryContextNeverTrap() {
        var app = makeApp([DashboardSpec(title: "D", rows: [.init(panels: Array(Self.panels.prefix(4)))])], store: Self.store)
        let keys: [Key] = [.char("x"), .up, .down, .left, .right, .enter, .esc, .tab, .backTab, .backspace, .delete, .ctrl("u"),
                           .pageUp, .pageDown, .home, .end, .f(1), .click(x: -5, y: 99), .wheelUp, .wheelDown, .resize,
                           .char("s"), .char("o"), .char("O"), .char("/"), .char(":"), .char("a"), .char("e"), .char("?"),
                           .char("["), .char("]"), .char("p"), .char("0"), .char("+"), .char("-"), .char("1"), .char("9")]
        var seed: UInt64 = 42
        for _ in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let key = keys[Int(seed >> 33) % keys.count]
            if app.handle(key) == .quit { Issue.record("quit without q") }
        }
        _ = app.snapshot(width: 80, height: 24)
    }
}
