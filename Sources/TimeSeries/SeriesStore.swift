import Synchronization

/// The metrics store: series identity and interning, compressed sample chunks, retention, a
/// memory budget, metadata, and the inverted index the query engine selects through.
///
/// All state sits behind one `Mutex`. Reads decode short windows in place under the lock (from
/// a per-series checkpoint, so a window sliding forward decodes only its new samples; a bounded
/// number of samples per read) and copy the chunk bytes of longer ones out, decoding them after
/// releasing it, so a long read never holds appenders up.
public final class SeriesStore: Sendable {
    /// Tuning knobs; the defaults follow Prometheus (120 samples a chunk, 15 days retention).
    public struct Options: Sendable {
        /// Samples older than this (ms) relative to `compact(now:)` are dropped chunk by chunk.
        public var retention: Int64
        /// Upper bound on chunk memory in bytes (`--memory-limit`); nil for none.
        public var memoryLimit: Int?
        public var samplesPerChunk: Int
        /// Byte cap of one chunk's encoded data; a chunk is sealed early when it would overflow.
        public var maxChunkBytes: Int
        /// First allocation of a head chunk's data area.
        public var initialChunkBytes: Int

        public init(retention: Int64 = 15 * 24 * 3_600_000, memoryLimit: Int? = nil,
                    samplesPerChunk: Int = 120, maxChunkBytes: Int = 1024, initialChunkBytes: Int = 64) {
            self.retention = max(0, retention)
            self.memoryLimit = memoryLimit.map { max(0, $0) }
            self.samplesPerChunk = min(max(1, samplesPerChunk), Int(UInt16.max))
            self.maxChunkBytes = min(max(64, maxChunkBytes), Int(UInt16.max) - 64)
            self.initialChunkBytes = min(max(32, initialChunkBytes), self.maxChunkBytes)
        }
    }

    let state: Mutex<StoreState>
    public let options: Options
    /// Told about every committed batch and metadata change (the recorder's tap); nil costs nothing.
    public let observer: (any IngestObserver)?

    public init(options: Options = Options(), observer: (any IngestObserver)? = nil) {
        self.options = options
        self.observer = observer
        state = Mutex(StoreState(options: options))
    }

    public convenience init(retention: Int64, memoryLimit: Int? = nil) {
        self.init(options: Options(retention: retention, memoryLimit: memoryLimit))
    }

    // MARK: Series identity

    /// The ref of the series with these labels, creating it when new.
    public func getOrCreate(_ labels: Labels) -> SeriesRef {
        state.withLock { $0.getOrCreate(labels) }
    }

    /// The ref of an existing series, without creating one.
    public func ref(for labels: Labels) -> SeriesRef? {
        state.withLock { s in
            s.slot(for: labels).map { SeriesRef(index: $0, generation: s.slots[Int($0)].generation) }
        }
    }

    /// The labels of a live series; nil for a removed or unknown ref.
    public func labels(of ref: SeriesRef) -> Labels? {
        state.withLock { s in s.index(of: ref).map { s.labels(ofSlot: $0) } }
    }

    public var seriesCount: Int { state.withLock { $0.liveSeries } }

    // MARK: Appending

    /// Appends one sample. Prefer `appendBatch` for a whole scrape.
    @discardableResult
    public func append(_ ref: SeriesRef, _ t: Int64, _ v: Double) -> AppendOutcome {
        state.withLock { s in
            let o = s.append(ref, t, v.bitPattern)
            s.totals.record(o)
            return o
        }
    }

    /// Writes Prometheus's staleness marker for the series at `t`.
    @discardableResult
    public func markStale(_ ref: SeriesRef, _ t: Int64) -> AppendOutcome {
        append(ref, t, StaleNaN.value)
    }

    /// A reusable buffer of samples to commit under one lock acquisition.
    public func appender() -> SeriesAppender { SeriesAppender(store: self) }

    /// Collects samples in `body`, then commits them all under one lock acquisition.
    @discardableResult
    public func appendBatch(_ body: (inout SeriesAppender) throws -> Void) rethrows -> AppendSummary {
        var a = SeriesAppender(store: self)
        try body(&a)
        return a.commit()
    }

    /// Commits parallel arrays of samples; used by `SeriesAppender.commit()`.
    func commit(refs: [SeriesRef], ts: [Int64], bits: [UInt64]) -> AppendSummary {
        if let observer { return commitObserved(refs: refs, ts: ts, bits: bits, observer: observer) }
        return state.withLock { s in
            var summary = AppendSummary()
            let n = min(refs.count, ts.count, bits.count)
            for k in 0..<n { summary.record(s.append(refs[k], ts[k], bits[k])) }
            s.totals.add(summary)
            return summary
        }
    }

    /// Running totals of every append outcome since the store was created.
    public var appendTotals: AppendSummary { state.withLock { $0.totals } }

    // MARK: Metadata

    public func setMetadata(_ metric: String, _ meta: MetricMetadata) {
        state.withLock { $0.metadata[metric] = meta }
        observer?.store(self, didSetMetadata: meta, for: metric)
    }

    public func metadata(for metric: String) -> MetricMetadata? {
        state.withLock { $0.metadata[metric] }
    }

    public func allMetadata() -> [String: MetricMetadata] {
        state.withLock { $0.metadata }
    }
}
