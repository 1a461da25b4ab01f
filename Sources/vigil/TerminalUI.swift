import Config
import Curses
import Dashboard
import Foundation
import Terminal
import TimeSeries

/// The full-screen loop: keys, refreshes and drawing on one thread (ncurses is not thread-safe);
/// polling and rules run elsewhere and are read as snapshots.
enum TerminalUI {
    struct Options {
        var color: ColorOption = .auto
        var symbols: SymbolOption = .auto
        var mouse = false
        var theme: String?
        var refresh: Duration = .seconds(1)
    }

    /// The longest the loop sleeps waiting for a key: how late a signal (SIGTERM, SIGHUP) may be seen.
    static let maximumWait: Duration = .milliseconds(250)

    static func run(runtime: Runtime, options: Options, reload: (SeriesStore?) -> Result<Runtime, RunFailure>) -> ExitCode {
        let screen: CursesScreen
        do {
            screen = try CursesScreen(options: ScreenOptions(color: options.color, symbols: options.symbols,
                                                             mouse: options.mouse, hangup: .reload))
        } catch {
            printError("vigil: \(error)")
            return .failure
        }
        var runtime = runtime
        runtime.start()
        let (theme, themeError) = DashboardSession.initialTheme(options.theme, config: runtime.config)
        var app = DashboardSession.makeApp(runtime: runtime, theme: theme, colorLevel: screen.colorLevel,
                                           symbols: screen.capabilities.symbols, now: runtime.clock.nowMs)
        if let themeError { app.show(message: themeError, isError: true) }
        for e in runtime.ruleErrors { app.show(message: e, isError: true) }
        var frame = Buffer(area: screen.area)
        app.setSize(width: frame.area.width, height: frame.area.height)
        var lastRefresh = ContinuousClock.now - options.refresh
        // A frame is drawn only when something changed: a key, a refresh, a signal. Between them
        // the loop sleeps in readKey; an idle second costs one refresh and one frame.
        var dirty = true
        // Keys already waiting are all handled before the next frame (a burst of wheel steps or a
        // paste draws once), up to this many.
        var keysSinceFrame = 0
        // An idle second (the tick kept the panel models, nothing else above the status line
        // changed) redraws only the status line; a key, signal or resize draws the whole frame.
        var wholeFrame = true
        var drawnBodyKey: DashboardApp.BodyKey?
        loop: while true {
            if let signal = screen.takeSignal() {
                switch signal {
                case .terminate: break loop
                case .reload: reloadConfig(&runtime, &app, reload)
                }
                dirty = true
                wholeFrame = true
                continue
            }
            let untilRefresh = options.refresh - (ContinuousClock.now - lastRefresh)
            let wait = min(max(untilRefresh, .milliseconds(1)), maximumWait)
            let key = keysSinceFrame < 32 ? screen.readKey(timeout: dirty ? .zero : wait) : nil
            if let key, let k = KeyMapping.dashboardKey(key) {
                dirty = true
                wholeFrame = true
                keysSinceFrame += 1
                if k == .resize {
                    frame = Buffer(area: screen.area)
                    app.setSize(width: frame.area.width, height: frame.area.height)
                }
                switch app.handle(k) {
                case .quit: break loop
                case .reload: reloadConfig(&runtime, &app, reload)
                case .silence(let id, let ms):
                    if let e = runtime.silence(id, for: ms, now: runtime.clock.nowMs) {
                        app.show(message: e, isError: true)
                    }
                case .setTheme(let name):
                    do { app.apply(theme: try ThemeCatalog().load(name)) } catch { app.show(message: "\(error)", isError: true) }
                case .runQuery, .none: break
                }
                continue
            }
            if ContinuousClock.now - lastRefresh >= options.refresh {
                lastRefresh = ContinuousClock.now
                let newlyFiring = DashboardSession.refresh(&app, runtime: runtime, now: runtime.clock.nowMs)
                if !newlyFiring.isEmpty && DashboardSession.tuiSettings(runtime.config).bell { screen.bell() }
                dirty = true
                if !app.lastTickKeptModels { wholeFrame = true }
            }
            if dirty {
                let bodyKey = app.bodyKey
                if wholeFrame || bodyKey == nil || bodyKey != drawnBodyKey || !app.renderStatusLine(into: &frame) {
                    app.render(into: &frame)
                }
                drawnBodyKey = bodyKey
                screen.draw(frame)
                dirty = false
                wholeFrame = false
            }
            keysSinceFrame = 0
        }
        screen.stop()
        runtime.stop()
        return .success
    }

    /// `r` or SIGHUP: a bad config keeps the old one and shows the error.
    private static func reloadConfig(_ runtime: inout Runtime, _ app: inout DashboardApp,
                                      _ reload: (SeriesStore?) -> Result<Runtime, RunFailure>) {
        let fresh: Runtime
        // The new runtime keeps the store, so a reload loses no history.
        switch reload(runtime.store) {
        case .success(let r): fresh = r
        case .failure(let e):
            app.show(message: "reload failed, keeping the running config: \(e)", isError: true)
            return
        }
        let size = app.size
        runtime.stop()
        runtime = fresh
        runtime.start()
        app = DashboardSession.makeApp(runtime: runtime, theme: app.theme, colorLevel: app.colorLevel,
                                       symbols: app.symbols, now: runtime.clock.nowMs)
        app.setSize(width: size.width, height: size.height)
        app.show(message: "config reloaded")
    }
}
