import TimeSeries

/// What the dashboard reads besides query results: every series and every metric's metadata (for
/// Explore and the generated overview), plus raw samples. `SeriesStore` is one.
public protocol MetricCatalog: SeriesQuerier {
    func allSeries(matching matchers: [LabelMatcher]) -> [Labels]
    func allMetadata() -> [String: MetricMetadata]
}

extension SeriesStore: MetricCatalog {}
