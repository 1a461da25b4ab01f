import TimeSeries

/// What the dashboard reads besides query results: every series and every metric's metadata (for
/// Explore and the generated overview), plus raw samples. `SeriesStore` is one.
public protocol MetricCatalog: SeriesQuerier {
    func allSeries(matching matchers: [LabelMatcher]) -> [Labels]
    func allMetadata() -> [String: MetricMetadata]
    /// A number that changes whenever a sample is stored (nil: unknown, so every tick re-evaluates).
    var appendGeneration: Int? { get }
}

extension MetricCatalog {
    public var appendGeneration: Int? { nil }
}

extension SeriesStore: MetricCatalog {
    /// Samples appended since the store was made (scrapes, polls, rules and staleness markers alike).
    public var appendGeneration: Int? { appendTotals.appended }
}
