import Terminal
import Testing
import TimeSeries
@testable import Dashboard

/// A tick keeps the panel models when nothing they read changed: no sample stored since the last
/// refresh, the same view, less than a query step later.
@Suite struct RefreshSkipTests {
    static let dashboard = DashboardSpec(title: "S", rows: [.init(panels: [
        PanelSpec(title: "a", type: .timeseries, queries: [.init("temp")]),
        PanelSpec(title: "b", type: .stat, queries: [.init("sum(temp)")]),
    ])])

    @Test func aTickWithNoNewSampleKeepsTheModels() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        var app = makeApp([Self.dashboard], store: store, width: 100, height: 20)
        #expect(app.lastEvaluations == 2)
        let body = screen(app).dropLast()
        app.tick(now: now + 1_000)
        #expect(app.lastTickKeptModels)
        #expect(app.lastEvaluations == 0)
        #expect(screen(app).dropLast() == body)
        #expect(app.now == now + 1_000)
    }

    @Test func aNewSampleIsEvaluated() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        var app = makeApp([Self.dashboard], store: store, width: 100, height: 20)
        let ref = store.getOrCreate(Labels(["__name__": "temp"]))
        store.append(ref, now + 500, 42)
        app.tick(now: now + 1_000)
        #expect(!app.lastTickKeptModels)
        #expect(app.lastEvaluations == 2)
        guard case .stat(let s) = app.models[PanelID(row: 0, column: 1)]?.content else {
            Issue.record("not a stat")
            return
        }
        #expect(s.value == 42)
    }

    @Test func aStepLaterIsEvaluatedEvenWithoutSamples() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        var app = makeApp([Self.dashboard], store: store, width: 100, height: 20)
        app.tick(now: now + app.window.stepMs)
        #expect(!app.lastTickKeptModels)
        #expect(app.lastEvaluations == 2)
    }

    @Test func aChangedViewIsEvaluated() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        var app = makeApp([Self.dashboard], store: store, width: 100, height: 20)
        app.setSize(width: 120, height: 30)
        app.tick(now: now + 1_000)
        #expect(!app.lastTickKeptModels)
        app.tick(now: now + 2_000)
        #expect(app.lastTickKeptModels)
        _ = app.handle(.char("+"))
        app.tick(now: now + 2_500)
        #expect(app.lastTickKeptModels)  // the key refreshed the zoomed view already
        #expect(app.window.durationMs < TimeWindow.defaultDuration)
    }
}

/// Drawing only the status line on an idle tick gives the frame a whole render would.
@Suite struct StatusLineRedrawTests {
    @Test func statusLineOverTheLastFrameIsTheWholeFrame() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        var app = makeApp([RefreshSkipTests.dashboard], store: store, width: 100, height: 20)
        var frame = Buffer(width: 100, height: 20)
        app.render(into: &frame)
        let key = app.bodyKey
        #expect(key != nil)
        app.tick(now: now + 3_000)
        #expect(app.lastTickKeptModels)
        #expect(app.bodyKey == key)
        #expect(app.renderStatusLine(into: &frame))
        var whole = Buffer(width: 100, height: 20)
        app.render(into: &whole)
        #expect(lines(frame) == lines(whole))
        #expect(lines(frame).last != nil)
    }

    @Test func panelsThatShowAgesAlwaysDrawWhole() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        let d = DashboardSpec(title: "A", rows: [.init(panels: [PanelSpec(title: "alerts", type: .alerts, queries: [])])])
        let app = makeApp([d], store: store, width: 100, height: 20)
        #expect(app.bodyKey == nil)
    }

    @Test func tooSmallDrawsNothing() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        let app = makeApp([RefreshSkipTests.dashboard], store: store, width: 10, height: 3)
        var frame = Buffer(width: 10, height: 3)
        #expect(!app.renderStatusLine(into: &frame))
    }
}
