/// Targets read from Prometheus file_sd files (JSON or YAML lists of targets and labels).
public struct FileSDConfig: Hashable, Sendable {
    /// Absolute glob patterns.
    public var files: [String]
    public var refreshInterval: PromDuration = .minutes(5)
}
