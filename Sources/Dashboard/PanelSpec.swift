import Config

/// One panel as the dashboard draws it: built from a `PanelConfig`, or generated (overview,
/// Explore, ad-hoc queries), which is why it has public initializers where the config model has none.
public struct PanelSpec: Hashable, Sendable {
    public typealias PanelType = PanelConfig.PanelType
    public typealias Unit = PanelConfig.Unit
    public typealias ThresholdColor = PanelConfig.Color

    /// A PromQL expression and the legend template for its series (`{{label}}` placeholders).
    public struct Query: Hashable, Sendable {
        public var expr: String
        public var legend: String?
        public init(_ expr: String, legend: String? = nil) {
            self.expr = expr
            self.legend = legend
        }
    }

    public struct Threshold: Hashable, Sendable {
        public var value: Double
        public var color: ThresholdColor
        public init(value: Double, color: ThresholdColor) {
            self.value = value
            self.color = color
        }
    }

    public var title: String
    public var type: PanelType
    public var queries: [Query]
    public var text: String?
    public var unit: Unit
    public var min: Double?
    public var max: Double?
    public var log: Bool
    public var stacked: Bool
    public var thresholds: [Threshold]
    /// Quantiles for latency panels; empty means 0.5, 0.9, 0.99.
    public var quantiles: [Double]
    /// Share of the row's width.
    public var width: Double
    public var minWidth: Int?

    public init(title: String, type: PanelType, queries: [Query] = [], text: String? = nil, unit: Unit = .auto,
                min: Double? = nil, max: Double? = nil, log: Bool = false, stacked: Bool = false,
                thresholds: [Threshold] = [], quantiles: [Double] = [], width: Double = 1, minWidth: Int? = nil) {
        self.title = title
        self.type = type
        self.queries = queries
        self.text = text
        self.unit = unit
        self.min = min
        self.max = max
        self.log = log
        self.stacked = stacked
        self.thresholds = thresholds
        self.quantiles = quantiles
        self.width = width
        self.minWidth = minWidth
    }

    public init(_ config: PanelConfig) {
        self.init(title: config.title, type: config.type,
                  queries: config.queries.map { Query($0.expr, legend: $0.legend) }, text: config.text,
                  unit: config.unit, min: config.min, max: config.max, log: config.log, stacked: config.stacked,
                  thresholds: config.thresholds.map { Threshold(value: $0.value, color: $0.color) },
                  quantiles: config.quantiles, width: config.width, minWidth: config.minWidth)
    }

    /// The quantiles a latency panel shows.
    public var effectiveQuantiles: [Double] { quantiles.isEmpty ? [0.5, 0.9, 0.99] : quantiles }

    /// Columns below which the panel is hidden rather than squeezed.
    public var effectiveMinWidth: Int { minWidth ?? 16 }
}
