import TimeSeries

/// A source that can also supply history, so a chart is full from the first frame instead of
/// filling up over the retention window. The scheduler asks once, before a target's first poll.
public protocol BackfillingSource: PollSource {
    /// The source's series between `from` and `to` (Unix ms, inclusive), with the labels its
    /// polls would give them (`__name__` included, target labels not yet added). Samples are in
    /// time order; a `StaleNaN` marks where a series stopped.
    func backfill(from: Int64, to: Int64, deadline: ContinuousClock.Instant) async throws -> [BackfillSeries]
}

/// The history of one series handed to the store by a backfill.
public struct BackfillSeries: Sendable, Equatable {
    public var labels: Labels
    public var samples: [Sample]

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }
}
