import Config
import Dashboard
import Foundation
import PromQL
import Terminal

/// Builds the dashboard app over a runtime: the config's dashboards (or the generated overview),
/// the theme, the query evaluator over the store.
enum DashboardSession {
    static func makeApp(runtime: Runtime, theme: Terminal.Theme, colorLevel: ColorLevel, symbols: SymbolSet, now: Int64) -> DashboardApp {
        let engine = Engine(querier: runtime.store)
        var app = DashboardApp(
            dashboards: (runtime.config?.dashboards ?? []).map(DashboardSpec.init),
            evaluator: QueryEvaluator(engine: engine),
            rangeCache: RangeQueryCache(settleMargin: settleMargin(runtime: runtime)), catalog: runtime.store,
            theme: theme, colorLevel: colorLevel, symbols: symbols,
            zoneOffsetSeconds: TimeZone.current.secondsFromGMT(), now: now)
        app.themeNames = ThemeCatalog().available().keys.sorted()
        app.alertThresholds = runtime.alertThresholds
        if runtime.clock.isReplay { app.liveLabel = "REPLAY" }
        return app
    }

    /// How far behind now a chart's query step must be before its result is kept between refreshes:
    /// a sample is stamped when its poll starts and stored at most a timeout (capped at the source's
    /// interval) later, a rule's when its evaluation starts. Twice the longest interval, 5 s to 60 s:
    /// at a 1 s poll a refresh evaluates the last few steps, not the last minute.
    static func settleMargin(runtime: Runtime) -> Int64 {
        var longest: Int64 = 0
        for target in runtime.targets {
            let (seconds, attoseconds) = target.interval.components
            longest = max(longest, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        }
        for source in runtime.config?.sources ?? [] { longest = max(longest, source.interval.milliseconds) }
        if runtime.rules != nil, let global = runtime.config?.global {
            longest = max(longest, global.evaluationInterval.milliseconds)
        }
        return min(60_000, max(5_000, 2 * longest))
    }

    /// Feeds the latest alerts and target health, then evaluates the visible panels. Returns
    /// the alerts that started firing since the last refresh (for the bell).
    @discardableResult
    static func refresh(_ app: inout DashboardApp, runtime: Runtime, now: Int64) -> [AlertRow] {
        let new = app.updateAlerts(runtime.alertRows(now: now), banner: tuiSettings(runtime.config).banner)
        app.targets = runtime.scheduler.statuses()
        app.silences = runtime.silenceStore.all(at: now).reversed().map { s in
            SilenceRow(matchers: "{" + s.matchers.map { m in
                           m.name + (m.isEqual ? (m.isRegex ? "=~" : "=") : (m.isRegex ? "!~" : "!=")) + "\"" + m.value + "\""
                       }.joined(separator: ", ") + "}",
                       endsAt: s.endsAt, createdBy: s.createdBy, comment: s.comment, active: s.isActive(at: now))
        }
        app.alertHistory = runtime.notify.history.episodes().sorted { $0.firedAt > $1.firedAt }.prefix(50).map { e in
            AlertHistoryRow(name: e.name, labels: e.labels.pairs.filter { $0.name != "alertname" }
                                .map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", "),
                            firedAt: e.firedAt, resolvedAt: e.resolvedAt)
        }
        app.tick(now: now)
        return new
    }

    /// The `tui` notifier's settings (banner and bell), or the defaults (both on).
    static func tuiSettings(_ config: Config?) -> NotifierConfig.TUI {
        config?.notifiers.first { $0.kind == .tui }?.tui ?? NotifierConfig.TUI()
    }

    /// The theme named in the config (or `default`), falling back to the built-in one.
    static func initialTheme(_ name: String?, config: Config?) -> (Terminal.Theme, String?) {
        let wanted = name ?? config?.theme.rawValue ?? "default"
        do {
            return (try ThemeCatalog().load(wanted), nil)
        } catch {
            return (Terminal.Theme.builtinDefault, "\(error)")
        }
    }
}
