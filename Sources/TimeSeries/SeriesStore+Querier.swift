extension SeriesStore: SeriesQuerier {
    /// Series matching all matchers with their samples in `mint...maxt`, sorted by labels.
    /// Series with no samples in the window are left out, as Prometheus's querier does.
    ///
    /// Short windows are decoded under the lock, from each series' decode checkpoint when the
    /// window starts after it; long ones are copied out and decoded after the lock is released.
    public func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
        var (out, snaps) = state.withLock { s in
            var out: [SeriesSamples] = []
            var snaps: [SeriesSnapshot] = []
            var budget = StoreState.inPlaceSelectBudget
            for i in s.cachedMatchingSlots(matchers) {
                if let samples = s.windowSamples(i, mint: mint, maxt: maxt, budget: &budget) {
                    if !samples.isEmpty { out.append(SeriesSamples(labels: s.labels(ofSlot: i), samples: samples)) }
                } else {
                    snaps.append(s.snapshot(i, mint: mint, maxt: maxt))
                }
            }
            return (out, snaps)
        }
        for snap in snaps {
            let samples = snap.decode(mint: mint, maxt: maxt)
            if !samples.isEmpty { out.append(SeriesSamples(labels: snap.labels, samples: samples)) }
        }
        out.sort { $0.labels < $1.labels }
        return out
    }

    /// Each matching series' newest sample in `mint...maxt`, sorted by labels. The newest sample
    /// appended is kept beside the chunks, so when it lies in the window (a query at the time of
    /// the latest scrape or evaluation) nothing is decoded.
    public func selectLatest(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
        var (out, snaps) = state.withLock { s in
            var out: [SeriesSamples] = []
            var snaps: [SeriesSnapshot] = []
            var budget = StoreState.inPlaceSelectBudget
            for i in s.cachedMatchingSlots(matchers) {
                switch s.latestSample(i, mint: mint, maxt: maxt) {
                case .none:
                    continue
                case .sample(let sample):
                    out.append(SeriesSamples(labels: s.labels(ofSlot: i), samples: [sample]))
                case .decode:
                    if let samples = s.windowSamples(i, mint: mint, maxt: maxt, budget: &budget) {
                        if let last = samples.last { out.append(SeriesSamples(labels: s.labels(ofSlot: i), samples: [last])) }
                    } else {
                        snaps.append(s.snapshot(i, mint: mint, maxt: maxt))
                    }
                }
            }
            return (out, snaps)
        }
        for snap in snaps {
            if let last = snap.decode(mint: mint, maxt: maxt).last {
                out.append(SeriesSamples(labels: snap.labels, samples: [last]))
            }
        }
        out.sort { $0.labels < $1.labels }
        return out
    }

    /// Label sets of every live series matching the matchers (all series for none), sorted.
    public func allSeries(matching matchers: [LabelMatcher] = []) -> [Labels] {
        let result = state.withLock { s in s.matchingSlots(matchers).map { s.labels(ofSlot: $0) } }
        return result.sorted()
    }

    /// Every label name in use, sorted.
    public func labelNames() -> [String] { state.withLock { $0.labelNames() } }

    /// Every value `name` has across live series, sorted.
    public func labelValues(_ name: String) -> [String] { state.withLock { $0.labelValues(name) } }

    /// All samples of one series in `mint...maxt`; nil for an unknown ref.
    public func samples(of ref: SeriesRef, mint: Int64 = .min, maxt: Int64 = .max) -> [Sample]? {
        let snap = state.withLock { s in s.index(of: ref).map { s.snapshot($0, mint: mint, maxt: maxt) } }
        return snap?.decode(mint: mint, maxt: maxt)
    }
}
