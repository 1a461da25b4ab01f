import Testing
import Terminal
import TimeSeries
@testable import Dashboard

@Suite struct KeyHandlingTests {
    let store = makeStore([(["__name__": "temp", "room": "a"], { _ in 20 }), (["__name__": "temp", "room": "b"], { _ in 10 })])

    var grid: DashboardSpec {
        DashboardSpec(title: "Grid", rows: [
            .init(panels: [textPanel("a", "a"), textPanel("b", "b"), textPanel("c", "c")]),
            .init(panels: [textPanel("d", "d", width: 2), textPanel("e", "e")]),
        ])
    }

    @Test func keysReturnActions() {
        var app = makeApp([grid], store: store)
        #expect(app.handle(.char("q")) == .quit)
        #expect(app.handle(.ctrl("c")) == .quit)
        #expect(app.handle(.char("r")) == .reload)
        #expect(app.handle(.char("t")) == .none)
        #expect(app.message?.isError == true)
        app.themeNames = ["default", "nord", "dracula"]
        #expect(app.handle(.char("t")) == .setTheme("nord"))
        var nord = Theme.builtinDefault
        nord.name = "nord"
        app.apply(theme: nord)
        #expect(app.handle(.char("t")) == .setTheme("dracula"))
        #expect(press(&app, [.char(":")] + type("theme gruvbox") + [.enter]) == .setTheme("gruvbox"))
        #expect(press(&app, [.char(":")] + type("q") + [.enter]) == .quit)
        #expect(press(&app, [.char(":")] + type("reload") + [.enter]) == .reload)
    }

    @Test func timeWindowKeys() {
        var app = makeApp([grid], store: store)
        #expect(app.window.durationMs == 900_000)
        press(&app, [.char("+")])
        #expect(app.window.durationMs == 450_000)
        press(&app, [.char("-"), .char("-")])
        #expect(app.window.durationMs == 1_800_000)
        press(&app, [.char("["), .char("[")])
        #expect(app.window.offsetMs == 1_800_000)
        #expect(app.timeRange == (now - 3_600_000)...(now - 1_800_000))
        press(&app, [.char("]")])
        #expect(app.window.offsetMs == 900_000)
        press(&app, [.char("p")])
        #expect(app.isPaused)
        app.tick(now: now + 60_000)
        #expect(app.viewTime == now)
        press(&app, [.char("0")])
        #expect(!app.isPaused && app.window.isLive && app.viewTime == now + 60_000)
        for _ in 0..<40 { press(&app, [.char("+")]) }
        #expect(app.window.durationMs == TimeWindow.minimumDuration)
        for _ in 0..<40 { press(&app, [.char("-")]) }
        #expect(app.window.durationMs == TimeWindow.maximumDuration)
        #expect(press(&app, [.char(":")] + type("range 30m") + [.enter]) == .none)
        #expect(app.window.durationMs == 1_800_000)
    }

    @Test func focusMovesByDirectionAndEnterMaximizes() {
        var app = makeApp([grid], store: store)
        #expect(app.focusedPanel == PanelID(row: 0, column: 0))
        press(&app, [.char("l"), .right])
        #expect(app.focusedPanel == PanelID(row: 0, column: 2))
        press(&app, [.right])
        #expect(app.focusedPanel == PanelID(row: 0, column: 2))
        press(&app, [.char("j")])
        #expect(app.focusedPanel == PanelID(row: 1, column: 1))
        press(&app, [.char("h"), .up])
        #expect(app.focusedPanel == PanelID(row: 0, column: 0))
        press(&app, [.char("l")])
        #expect(app.focusedPanel == PanelID(row: 0, column: 1))
        press(&app, [.enter])
        #expect(app.maximized == PanelID(row: 0, column: 1))
        #expect(screen(app)[1].hasPrefix("+ b ---"))
        #expect(screen(app)[1].count == 80)
        press(&app, [.esc])
        #expect(app.maximized == nil)
        #expect(app.handle(.click(x: 70, y: 15)) == .none)
        #expect(app.focusedPanel == PanelID(row: 1, column: 1))
    }

    @Test func tabsSwitchDashboardsAndExplore() {
        var app = makeApp([grid, DashboardSpec(title: "Two", rows: [.init(panels: [textPanel("x", "x")])])], store: store)
        #expect(screen(app)[0] == " 1 Grid | 2 Two | Explore")
        press(&app, [.tab])
        #expect(app.screen == .dashboard(1))
        press(&app, [.tab])
        #expect(app.screen == .explore)
        press(&app, [.tab])
        #expect(app.screen == .dashboard(0))
        press(&app, [.backTab])
        #expect(app.screen == .explore)
        press(&app, [.esc])
        #expect(app.screen == .dashboard(0))
        press(&app, [.char("2")])
        #expect(app.screen == .dashboard(1))
        press(&app, [.char("9")])
        #expect(app.screen == .dashboard(1))
        press(&app, [.char("3")])
        #expect(app.screen == .explore)
        #expect(app.handle(.click(x: 10, y: 0)) == .none)
        #expect(app.screen == .dashboard(1))
    }

    @Test func alertViewSilencesTheSelectedAlert() {
        var app = makeApp([grid], store: store, width: 100, height: 12)
        app.alerts = [
            AlertRow(id: "fp-2", name: "DiskFull", state: .pending, severity: "warning", summary: "disk 91%", since: now - 30_000),
            AlertRow(id: "fp-1", name: "HighLatency", state: .firing, severity: "critical", summary: "p99 > 1s", since: now - 312_000),
            AlertRow(id: "fp-3", name: "Old", state: .resolved, severity: "info", summary: "", since: now - 60_000),
        ]
        press(&app, [.char("a")])
        #expect(app.screen == .alerts)
        let text = screen(app)
        #expect(text[0].hasSuffix(" 1 firing  1 pending"))
        #expect(text[2].contains("State      Alert"))
        #expect(text[3].contains("firing     HighLatency") && text[3].contains("for 5m12s") && text[3].contains("p99 > 1s"))
        #expect(text[4].contains("pending    DiskFull") && text[4].contains("for 30s"))
        #expect(text[5].contains("resolved   Old") && text[5].contains("1m00s ago"))
        press(&app, [.char("j")])
        #expect(press(&app, [.char("s")]) == .none)
        #expect(app.prompt?.kind == .silence(alertID: "fp-2", name: "DiskFull"))
        #expect(screen(app).last == "Silence DiskFull for: 1h_")
        press(&app, [.backspace, .backspace] + type("banana") + [.enter])
        #expect(app.prompt?.error?.hasPrefix("bad duration") == true)
        #expect(screen(app).last?.contains("bad duration") == true)
        let action = press(&app, [.ctrl("u")] + type("2h30m") + [.enter])
        #expect(action == .silence(alertID: "fp-2", durationMs: 9_000_000))
        #expect(app.prompt == nil)
        press(&app, [.esc])
        #expect(app.screen == .dashboard(0))
    }

    @Test func filterRegexErrorsAreShownNotFatal() {
        let d = DashboardSpec(title: "T", rows: [.init(panels: [PanelSpec(title: "t", type: .table, queries: [.init("temp")])])])
        var app = makeApp([d], store: store, width: 60, height: 8)
        press(&app, [.char("/")] + type("room=(a") + [.enter])
        #expect(app.prompt != nil)
        #expect(app.filter == nil)
        let last = screen(app).last ?? ""
        #expect(last.hasPrefix("/room=(a_  bad filter /room=(a/"))
        press(&app, [.backspace, .backspace] + type("a") + [.enter])
        #expect(app.prompt == nil)
        #expect(app.filter == "room=a")
        let text = screen(app)
        #expect(text.contains { $0.contains("room=a") })
        #expect(!text.contains { $0.contains("room=b") })
        #expect(text.last?.contains("/room=a/") == true)
        // An empty filter clears it; Esc cancels a prompt without change.
        press(&app, [.char("/"), .ctrl("u"), .enter])
        #expect(app.filter == nil)
        press(&app, [.char("/")] + type("x") + [.esc])
        #expect(app.filter == nil && app.prompt == nil)
    }

    @Test func commandLineQueryAddsAnAdHocPanel() {
        var app = makeApp([grid], store: store)
        #expect(press(&app, [.char(":")] + type("sum(temp)") + [.enter]) == .runQuery("sum(temp)"))
        #expect(app.dashboards.count == 2)
        #expect(app.dashboards[1].title == "Ad hoc")
        #expect(app.screen == .dashboard(1))
        #expect(app.focusedPanel == PanelID(row: 0, column: 0))
        guard case .chart(let c)? = app.models[PanelID(row: 0, column: 0)]?.content else {
            Issue.record("no chart")
            return
        }
        #expect(c.series.first?.stats?.last == 30)
        press(&app, [.char(":")] + type("temp") + [.enter])
        #expect(app.dashboards.count == 2)
        #expect(app.dashboards[1].rows.count == 2)
        // A bad expression keeps the prompt open with the parse error and its position.
        press(&app, [.char(":")] + type("sum(temp") + [.enter])
        #expect(app.prompt?.error?.contains("1:") == true)
        #expect(app.prompt?.error?.contains("parse error") == true)
    }

    @Test func exploreSearchesAsYouTypeAndGraphsByType() {
        let store = makeStore([
            (["__name__": "http_requests_total", "code": "200"], { Double(3600 - $0) * 2 }),
            (["__name__": "http_request_duration_seconds_bucket", "le": "1"], { Double(3600 - $0) }),
            (["__name__": "http_request_duration_seconds_bucket", "le": "+Inf"], { Double(3600 - $0) }),
            (["__name__": "http_request_duration_seconds_count"], { Double(3600 - $0) }),
            (["__name__": "memory_bytes"], { _ in 1024 }),
        ], step: 5_000, metadata: [
            "http_requests_total": MetricMetadata(type: .counter, help: "Requests served."),
            "http_request_duration_seconds": MetricMetadata(type: .histogram, help: "Request latency."),
            "memory_bytes": MetricMetadata(type: .gauge, help: "Resident memory."),
        ])
        var app = makeApp([grid], store: store, width: 80, height: 12)
        press(&app, [.char("e")])
        #expect(app.screen == .explore)
        #expect(app.explore.matches.map(\.name) == ["http_request_duration_seconds", "http_requests_total", "memory_bytes"])
        #expect(app.explore.matches[0].seriesCount == 3)
        // Typed characters search, even ones bound elsewhere (q, t, r).
        press(&app, type("req"))
        #expect(app.explore.query == "req")
        #expect(app.explore.matches.map(\.name) == ["http_request_duration_seconds", "http_requests_total"])
        press(&app, type(" total"))
        #expect(app.explore.matches.map(\.name) == ["http_requests_total"])
        #expect(screen(app)[1] == "Search: req total_  1 of 3 metrics")
        press(&app, [.enter])
        #expect(app.context == .exploreGraph)
        #expect(app.exploreModel?.title == "rate(http_requests_total[1m])")
        guard case .chart(let c)? = app.exploreModel?.content else { Issue.record("no chart"); return }
        #expect(abs((c.series.first?.stats?.last ?? 0) - 2) < 1e-9)
        press(&app, [.char("t")])
        guard case .table? = app.exploreModel?.content else { Issue.record("no table"); return }
        press(&app, [.char("r")])
        #expect(app.explore.mode == .raw)
        #expect(screen(app)[3].contains("http_requests_total{code=\"200\"}"))
        press(&app, [.esc, .ctrl("u")] + type("memory") + [.enter])
        #expect(app.exploreModel?.title == "memory_bytes")
        press(&app, [.esc, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace] + type("duration") + [.enter])
        guard case .latency(let l)? = app.exploreModel?.content else { Issue.record("no latency"); return }
        #expect(l.bucketBounds == [1, .infinity])
        press(&app, [.esc, .esc, .esc])
        #expect(app.screen == .dashboard(0))
        // Ctrl-C still quits from the search.
        press(&app, [.char("e")])
        #expect(app.handle(.ctrl("c")) == .quit)
    }
}
