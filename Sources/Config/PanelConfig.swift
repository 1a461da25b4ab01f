/// One chart or table on a dashboard, with its queries and display options.
public struct PanelConfig: Hashable, Sendable {
    public enum PanelType: String, Hashable, Sendable, CaseIterable {
        case timeseries, latency, heatmap, throughput, queue, stat, gauge, bar, table, alerts, targets, text
    }

    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case seconds, bytes, bytesSI = "bytes_si", percent, ops, count, auto
    }

    /// A PromQL expression and the legend template for its series.
    public struct Query: Hashable, Sendable {
        public var expr: String
        public var legend: String?
    }

    /// A value at which the panel changes colour.
    public struct Threshold: Hashable, Sendable {
        public var value: Double
        public var color: Color
    }

    public enum Color: String, Hashable, Sendable, CaseIterable {
        case green, yellow, orange, red, blue, cyan, magenta, white, gray
    }

    public var title: String
    public var type: PanelType
    public var queries: [Query] = []
    /// For `text` panels.
    public var text: String?
    public var unit: Unit = .auto
    public var min: Double?
    public var max: Double?
    public var log = false
    public var stacked = false
    public var thresholds: [Threshold] = []
    public var quantiles: [Double] = []
    /// Share of the row's width, relative to the other panels.
    public var width: Double = 1
    public var minWidth: Int?
}
