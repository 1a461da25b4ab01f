import Terminal

/// What one panel shows, computed from query results at a refresh and drawn by `PanelRenderer`.
/// Keeping the two apart lets tests check figures (drain times, sort orders) without pixels.
public struct PanelModel: Sendable {
    public enum Content: Sendable {
        case chart(ChartModel)
        case latency(LatencyModel)
        case queue(QueueModel)
        case stat(StatModel)
        /// Gauge and bar panels: one bar per series.
        case bars(BarsModel)
        case table(TableModel)
        /// Rows come from `DashboardApp.alerts` when drawn.
        case alerts
        /// Rows come from `DashboardApp.targets` when drawn.
        case targets
        case text(String)
        /// Nothing to draw: an explanation (query errors are `isError`).
        case message(String, isError: Bool)
    }

    public var title: String
    public var unit: Unit
    public var content: Content
    /// Query warnings (PromQL annotations are not kept; errors of secondary queries are).
    public var notes: [String]

    public init(title: String, unit: Unit, content: Content, notes: [String] = []) {
        self.title = title
        self.unit = unit
        self.content = content
        self.notes = notes
    }
}

/// A line chart's data: series, bounds, threshold lines.
public struct ChartModel: Sendable {
    public struct Threshold: Hashable, Sendable {
        public enum Tone: Hashable, Sendable {
            /// A colour from the panel config.
            case config(PanelSpec.ThresholdColor)
            /// An alert rule's threshold for the same expression.
            case alert
        }
        public var value: Double
        public var tone: Tone
    }

    public var series: [NamedSeries]
    public var range: ClosedRange<Int64>
    public var stepMs: Int64
    public var yMin: Double?
    public var yMax: Double?
    public var log: Bool
    public var stacked: Bool
    public var thresholds: [Threshold]
}

/// Quantile lines from a histogram or summary, and a heatmap from histogram bucket rates.
public struct LatencyModel: Sendable {
    public var quantiles: ChartModel
    /// Per step, per bucket (lowest first): observations per second in that bucket alone.
    public var heatmapColumns: [[Double]]
    public var bucketBounds: [Double]
    public var startMs: Int64
    public var stepMs: Int64
    /// Draw only the heatmap (a `heatmap` panel) or only quantiles (summaries have no buckets).
    public var showQuantiles: Bool
    public var showHeatmap: Bool
}

/// One queue's figures and its trend.
public struct QueueRow: Hashable, Sendable {
    public var name: String
    public var depth: Double
    public var inRate: Double?
    public var outRate: Double?
    public var consumers: Double?
    /// Change of depth per second over the window (least squares), nil without two samples.
    public var slopePerSecond: Double?
    /// Seconds until empty at the current trend, when shrinking.
    public var drainSeconds: Double?
    /// Seconds until `capacity` at the current trend, when growing and a capacity (`max`) is set.
    public var fullSeconds: Double?

    /// The trend in words: `drains in 5m`, `full in 2h`, `growing`, `steady`, `empty`.
    public var outlook: String {
        if let d = drainSeconds { return "drains in " + Units.format(d, .seconds) }
        if let f = fullSeconds { return "full in " + Units.format(f, .seconds) }
        if depth == 0 && (slopePerSecond ?? 0) <= 0 { return "empty" }
        guard let s = slopePerSecond else { return "–" }
        if s > 0 { return "growing" }
        return "steady"
    }
}

public struct QueueModel: Sendable {
    public var rows: [QueueRow]
    /// Depth over time, one series per queue.
    public var depth: ChartModel
}

public struct StatModel: Sendable {
    public var value: Double?
    public var label: String
    public var history: [Double]
    public var thresholds: [PanelSpec.Threshold]
}

public struct BarsModel: Sendable {
    public var items: [(name: String, value: Double)]
    public var min: Double
    public var max: Double?
    public var thresholds: [PanelSpec.Threshold]
    /// One wide gauge (a single series on a `gauge` panel) rather than bars.
    public var single: Bool
}

/// Top-N series with their window statistics, sortable by any column.
public struct TableModel: Sendable {
    public enum Column: Int, CaseIterable, Hashable, Sendable {
        case name, last, min, max, avg
        public var title: String {
            switch self {
            case .name: return "Series"
            case .last: return "Last"
            case .min: return "Min"
            case .max: return "Max"
            case .avg: return "Avg"
            }
        }
    }

    public struct Row: Hashable, Sendable {
        public var name: String
        public var stats: SeriesStats?
        public init(name: String, stats: SeriesStats?) {
            self.name = name
            self.stats = stats
        }

        func value(_ column: Column) -> Double? {
            guard let s = stats else { return nil }
            switch column {
            case .name: return nil
            case .last: return s.last
            case .min: return s.min
            case .max: return s.max
            case .avg: return s.avg
            }
        }
    }

    public var rows: [Row]

    /// Rows in the order of `column`; rows without data sort last either way, ties by name.
    public func sorted(by column: Column, ascending: Bool) -> [Row] {
        rows.sorted { a, b in
            if column == .name {
                return ascending ? a.name < b.name : a.name > b.name
            }
            switch (a.value(column), b.value(column)) {
            case (nil, nil): return a.name < b.name
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                if x == y { return a.name < b.name }
                return ascending ? x < y : x > y
            }
        }
    }
}

/// How a table panel is sorted (kept per panel by the app).
public struct TableSort: Hashable, Sendable {
    public var column: TableModel.Column
    public var ascending: Bool
    public init(column: TableModel.Column = .last, ascending: Bool = false) {
        self.column = column
        self.ascending = ascending
    }
}
