/// What a target says about a metric family (`# TYPE`, `# HELP`, `# UNIT`), kept per metric
/// name for the explore view.
public struct MetricMetadata: Hashable, Sendable {
    public var type: MetricType
    public var help: String
    public var unit: String

    public init(type: MetricType = .unknown, help: String = "", unit: String = "") {
        self.type = type
        self.help = help
        self.unit = unit
    }
}

/// Metric family types as OpenMetrics names them (the text format's subset included).
public enum MetricType: String, Hashable, Sendable, CaseIterable {
    case counter, gauge, histogram, summary, info, unknown
    case gaugeHistogram = "gaugehistogram"
    case stateSet = "stateset"
    /// Prometheus text format's name for an untyped family.
    case untyped
}
