/// Something told about the samples a `SeriesStore` ingests, e.g. the recorder behind `--record`.
///
/// Only batch commits (`SeriesAppender.commit()`, `appendBatch`) are observed: that is the ingest
/// path every poller and scraper writes through. Single `append`/`markStale` calls — what rule
/// evaluation writes (recording rules, `ALERTS`) — are not, so a replay recomputes them instead
/// of reading them back. Calls come after the store's lock is released, on the committing thread,
/// possibly from several threads at once.
public protocol IngestObserver: AnyObject, Sendable {
    /// The samples of one commit that the store appended (rejected and duplicate ones left out),
    /// in commit order.
    func store(_ store: SeriesStore, didCommit batch: IngestBatch)
    /// A metric's metadata changed (`setMetadata`).
    func store(_ store: SeriesStore, didSetMetadata meta: MetricMetadata, for metric: String)
}

/// The accepted samples of one commit, as parallel arrays (values as raw bits, so NaN payloads
/// and staleness markers are exact).
public struct IngestBatch: Sendable {
    public var refs: [SeriesRef] = []
    public var ts: [Int64] = []
    public var bits: [UInt64] = []

    public init() {}

    public var count: Int { refs.count }
}

extension SeriesStore {
    /// `commit` with an observer: the same appends, then the accepted samples handed over
    /// outside the lock.
    func commitObserved(refs: [SeriesRef], ts: [Int64], bits: [UInt64], observer: any IngestObserver) -> AppendSummary {
        let n = min(refs.count, ts.count, bits.count)
        var batch = IngestBatch()
        batch.refs.reserveCapacity(n)
        batch.ts.reserveCapacity(n)
        batch.bits.reserveCapacity(n)
        let summary = state.withLock { s in
            var summary = AppendSummary()
            for k in 0..<n {
                let o = s.append(refs[k], ts[k], bits[k])
                summary.record(o)
                if o == .appended {
                    batch.refs.append(refs[k])
                    batch.ts.append(ts[k])
                    batch.bits.append(bits[k])
                }
            }
            s.totals.add(summary)
            return summary
        }
        if batch.count > 0 { observer.store(self, didCommit: batch) }
        return summary
    }
}
