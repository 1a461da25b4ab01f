/// The read side of a series store, as the query engine sees it.
///
/// `select` returns every series whose labels satisfy all matchers, with its samples in
/// `mint...maxt` (milliseconds, both ends inclusive; the engine trims open ends itself),
/// timestamps ascending. Stale markers are included as `StaleNaN.value` samples.
public protocol SeriesQuerier: Sendable {
    func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples]
}

/// One series with a window of its samples.
public struct SeriesSamples: Sendable {
    public var labels: Labels
    public var samples: [Sample]

    public init(labels: Labels, samples: [Sample]) {
        self.labels = labels
        self.samples = samples
    }
}
