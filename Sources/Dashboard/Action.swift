/// What a key asks the caller to do outside the dashboard. The dashboard never performs I/O: it
/// returns one of these from `DashboardApp.handle(_:)` and the run loop carries it out.
public enum Action: Hashable, Sendable {
    /// Nothing to do beyond drawing the new state.
    case none
    case quit
    /// Re-read the config, rules and themes.
    case reload
    /// Silence the alert with this identity for `durationMs` milliseconds.
    case silence(alertID: String, durationMs: Int64)
    /// Load the theme called `name` and hand it back with `DashboardApp.apply(theme:)`.
    case setTheme(String)
    /// A PromQL expression was added as a panel on the ad-hoc dashboard (already evaluated).
    case runQuery(String)
}
