import Terminal
import TimeSeries

/// Explore's raw-sample view.
extension DashboardApp {
    static let rawSeriesLimit = 50
    static let rawSamplesPerSeries = 20

    /// The latest raw samples of a metric (its `_bucket`/`_sum`/`_count` series for histograms and
    /// summaries) in the window: series, time, value rows, newest first per series.
    func loadRawRows(_ entry: ExploreEntry, range: ClosedRange<Int64>) -> [[String]] {
        guard let c = catalog else { return [] }
        let pattern = entry.type == .histogram || entry.type == .summary || entry.type == .gaugeHistogram
            ? entry.name + "(_bucket|_sum|_count)?" : entry.name
        guard let m = try? LabelMatcher(.regexMatch, metricNameLabel, Self.regexEscaped(pattern, keepSuffix: entry.name)) else { return [] }
        var rows: [[String]] = []
        for s in c.select([m], mint: range.lowerBound, maxt: range.upperBound).prefix(Self.rawSeriesLimit) {
            let name = TerminalSafe.line(s.labels.description)
            for sample in s.samples.suffix(Self.rawSamplesPerSeries).reversed() {
                let time = TimeAxis.label(ms: sample.t, withSeconds: true, zoneOffsetSeconds: zoneOffsetSeconds)
                let value = StaleNaN.isStale(sample.v) ? "stale" : GoFloat.format(sample.v)
                rows.append([name, time, value])
            }
        }
        return rows
    }

    /// The metric name with regex metacharacters escaped, followed by the rest of `pattern`.
    static func regexEscaped(_ pattern: String, keepSuffix name: String) -> String {
        let escaped = name.map { ch -> String in
            ".+*?()[]{}|^$\\".contains(ch) ? "\\" + String(ch) : String(ch)
        }.joined()
        return escaped + pattern.dropFirst(name.count)
    }
}
