/// What one scrape produced: the figures behind Prometheus's `scrape_*` series.
public struct ScrapeReport: Sendable, Equatable {
    /// Samples in the exposition (`scrape_samples_scraped`).
    public var samplesScraped = 0
    /// Series not in the scrape cache before this scrape (`scrape_series_added`).
    public var seriesAdded = 0
    /// Series that vanished since the previous scrape and got a stale marker.
    public var seriesStaled = 0
    /// Samples the store rejected: out of order, duplicate timestamp, over the memory budget.
    public var samplesRejected = 0

    public init() {}
}
