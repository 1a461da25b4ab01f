/// One label pair. The metric name is the label `__name__`, as in Prometheus.
public struct Label: Hashable, Sendable, Comparable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public static func < (a: Label, b: Label) -> Bool {
        a.name != b.name ? a.name < b.name : a.value < b.value
    }
}

/// The reserved label that carries the metric name.
public let metricNameLabel = "__name__"
