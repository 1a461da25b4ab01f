import Terminal
import Testing
import TimeSeries
@testable import Dashboard

/// The new-alert banner: raised when an alert starts firing (not on the first update, not for
/// silenced alerts), acknowledged with Esc or `a`, gone when the alert stops firing.
@Suite struct AlertBannerTests {
    func row(_ name: String, _ state: AlertRow.State, silenced: Bool = false) -> AlertRow {
        AlertRow(id: "{alertname=\"\(name)\"}", name: name, state: state, severity: "page",
                 summary: "\(name) \u{1B}[31mis bad", since: now, silenced: silenced)
    }

    func app() -> DashboardApp {
        makeApp([DashboardSpec(title: "Main", rows: [.init(panels: [textPanel("Notes", "hello")])])], store: SeriesStore(),
                width: 80, height: 12)
    }

    @Test func newFiringAlertRaisesTheBanner() {
        var a = app()
        #expect(a.updateAlerts([row("Old", .firing)], banner: true).isEmpty)
        #expect(a.banner == nil)
        #expect(a.updateAlerts([row("Old", .firing), row("New", .pending)], banner: true).isEmpty)
        let new = a.updateAlerts([row("Old", .firing), row("New", .firing)], banner: true)
        #expect(new.map(\.name) == ["New"])
        let text = screen(a)
        #expect(text[1].contains("FIRING: New (page)"))
        #expect(text[1].contains("Esc dismiss"))
        // The escape sequence in the summary never reaches the screen raw.
        #expect(!text.joined().contains("\u{1B}"))
        // Esc acknowledges it; the dashboard is back where it was.
        press(&a, [.esc])
        #expect(a.banner == nil)
        #expect(!screen(a)[1].contains("FIRING"))
        // Still firing: no second banner.
        #expect(a.updateAlerts([row("Old", .firing), row("New", .firing)], banner: true).isEmpty)
        #expect(a.banner == nil)
    }

    @Test func silencedOrDisabledRaisesNothing() {
        var a = app()
        a.updateAlerts([], banner: true)
        #expect(a.updateAlerts([row("Quiet", .firing, silenced: true)], banner: true).isEmpty)
        #expect(a.banner == nil)
        let rung = a.updateAlerts([row("Loud", .firing)], banner: false)
        #expect(rung.map(\.name) == ["Loud"])
        #expect(a.banner == nil)
    }

    @Test func bannerLeavesWhenTheAlertResolvesAndAOpensAlerts() {
        var a = app()
        a.updateAlerts([], banner: true)
        a.updateAlerts([row("X", .firing)], banner: true)
        #expect(a.banner != nil)
        a.updateAlerts([row("X", .resolved)], banner: true)
        #expect(a.banner == nil)
        a.updateAlerts([row("Y", .firing)], banner: true)
        #expect(a.banner != nil)
        press(&a, [.char("a")])
        #expect(a.banner == nil)
        #expect(a.screen == .alerts)
    }

    @Test func bannerOnATinyScreenDoesNotBreakLayout() {
        var a = app()
        a.updateAlerts([], banner: true)
        a.updateAlerts([row("X", .firing)], banner: true)
        for (w, h) in [(20, 4), (20, 5), (1, 1), (0, 0)] {
            let b = a.snapshot(width: w, height: h)
            #expect(b.area.width == w)
        }
    }
}

/// The alert view lists recent firings (with how long they lasted) and silences under the alerts.
@Suite struct AlertViewHistoryTests {
    @Test func historyAndSilencesShowInTheAlertView() {
        var a = makeApp([DashboardSpec(title: "Main", rows: [.init(panels: [textPanel("Notes", "hello")])])],
                        store: SeriesStore(), width: 120, height: 30)
        a.alertHistory = [
            AlertHistoryRow(name: "HighErrorRate", labels: "{service=\"payments\"}", firedAt: now - 600_000, resolvedAt: now - 420_000),
            AlertHistoryRow(name: "QueueBacklog", labels: "{queue=\"emails\"}", firedAt: now - 60_000, resolvedAt: nil),
        ]
        a.silences = [SilenceRow(matchers: "{alertname=\"Noisy\u{1B}[2J\"}", endsAt: now + 3_600_000, createdBy: "ana",
                                 comment: "deploy", active: true)]
        press(&a, [.char("a")])
        let text = screen(a).joined(separator: "\n")
        #expect(text.contains("HighErrorRate"))
        #expect(text.contains("3m00s"))
        #expect(text.contains("firing 1m00s"))
        #expect(text.contains("Silences"))
        #expect(text.contains("ana"))
        #expect(text.contains("until"))
        #expect(!text.contains("\u{1B}"))
    }
}
