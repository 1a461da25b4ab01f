/// The read side of a series store, as the query engine sees it.
///
/// `select` returns every series whose labels satisfy all matchers, with its samples in
/// `mint...maxt` (milliseconds, both ends inclusive; the engine trims open ends itself),
/// timestamps ascending. Stale markers are included as `StaleNaN.value` samples.
public protocol SeriesQuerier: Sendable {
    func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples]

    /// As `select`, but each series carries only its newest sample in `mint...maxt` (a stale
    /// marker included): all an instant vector selector reads. Queriers that can find it without
    /// reading the whole window should; the default takes it from `select`.
    func selectLatest(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples]
}

extension SeriesQuerier {
    public func selectLatest(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
        select(matchers, mint: mint, maxt: maxt).compactMap { s in
            s.samples.last.map { SeriesSamples(labels: s.labels, samples: [$0]) }
        }
    }
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
