import TimeSeries

/// One thing the scheduler polls: a source with its labels, interval, timeout and limits.
public struct PollTarget: Sendable {
    /// `job`, `instance` and static labels added to every series the target produces.
    public var labels: Labels
    public var source: any PollSource
    public var interval: Duration
    public var timeout: Duration
    public var sampleLimit: Int
    public var honorLabels: Bool

    public init(labels: Labels, source: any PollSource, interval: Duration, timeout: Duration,
                sampleLimit: Int = 0, honorLabels: Bool = false) {
        self.labels = labels
        self.source = source
        self.interval = interval
        self.timeout = min(timeout, interval)
        self.sampleLimit = sampleLimit
        self.honorLabels = honorLabels
    }

    /// A stable key for the target: its labels.
    public var key: String { labels.description }

    public var job: String { labels["job"] }
    public var instance: String { labels["instance"] }
}
