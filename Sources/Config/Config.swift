/// Vigil's configuration after defaults and validation: what to poll, which rules to
/// evaluate, where to send alerts and how to lay out dashboards.
public struct Config: Hashable, Sendable {
    /// The config file the values came from, and its folder (relative paths are resolved against it).
    public var file: String
    public var directory: String
    public var global: GlobalConfig
    public var theme: Theme
    public var sources: [SourceConfig]
    /// Rule file globs, made absolute against `directory`.
    public var ruleFiles: [String]
    public var notifiers: [NotifierConfig]
    public var dashboards: [DashboardConfig]
}

/// The colour themes the terminal UI offers.
public enum Theme: String, Hashable, Sendable, CaseIterable {
    case `default`, dark, light, mono, highContrast = "high_contrast"
}
