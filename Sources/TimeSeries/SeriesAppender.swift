/// Buffers `(ref, t, v)` triples so a scraper can commit a whole scrape under one lock
/// acquisition. Reusable: `commit()` empties it but keeps its capacity.
public struct SeriesAppender: Sendable {
    private let store: SeriesStore
    private var refs: [SeriesRef] = []
    private var ts: [Int64] = []
    private var bits: [UInt64] = []

    init(store: SeriesStore) { self.store = store }

    public var pendingCount: Int { refs.count }

    public mutating func reserveCapacity(_ n: Int) {
        refs.reserveCapacity(n)
        ts.reserveCapacity(n)
        bits.reserveCapacity(n)
    }

    @inline(__always)
    public mutating func append(_ ref: SeriesRef, _ t: Int64, _ v: Double) {
        refs.append(ref)
        ts.append(t)
        bits.append(v.bitPattern)
    }

    public mutating func markStale(_ ref: SeriesRef, _ t: Int64) {
        append(ref, t, StaleNaN.value)
    }

    /// Writes everything buffered, in order, and empties the buffer.
    @discardableResult
    public mutating func commit() -> AppendSummary {
        let summary = store.commit(refs: refs, ts: ts, bits: bits)
        refs.removeAll(keepingCapacity: true)
        ts.removeAll(keepingCapacity: true)
        bits.removeAll(keepingCapacity: true)
        return summary
    }

    /// Drops everything buffered without writing it.
    public mutating func rollback() {
        refs.removeAll(keepingCapacity: true)
        ts.removeAll(keepingCapacity: true)
        bits.removeAll(keepingCapacity: true)
    }
}
