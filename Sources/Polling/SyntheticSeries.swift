import Scrape
import TimeSeries

/// The series Prometheus writes for every scrape (`up`, `scrape_duration_seconds`, ...), with
/// the target's labels; their refs are resolved once per target.
struct SyntheticSeries: Sendable {
    static let names = [
        "up", "scrape_duration_seconds", "scrape_samples_scraped",
        "scrape_samples_post_metric_relabeling", "scrape_series_added",
    ]

    private let refs: [SeriesRef]

    init(store: SeriesStore, labels: Labels) {
        refs = Self.names.map { store.getOrCreate(labels.setting(metricNameLabel, $0)) }
    }

    /// Appends one poll's figures at `t`.
    func record(_ appender: inout SeriesAppender, at t: Int64, up: Bool, duration: Double, report: ScrapeReport?) {
        let samples = Double(report?.samplesScraped ?? 0)
        let values = [up ? 1 : 0, duration, samples, samples, Double(report?.seriesAdded ?? 0)]
        for (ref, v) in zip(refs, values) { appender.append(ref, t, v) }
    }

    /// Stale-marks the series when the target goes away.
    func markStale(_ appender: inout SeriesAppender, at t: Int64) {
        for ref in refs { appender.markStale(ref, t) }
    }
}
