import Exposition
import TimeSeries

/// The ingest path of one target: parses a scrape body and appends its samples to the store.
///
/// A series seen in the previous scrape is found by the raw bytes of `name{labels}` in the scrape
/// cache, so its labels are never parsed again. A scrape is all or nothing: a parse error or a
/// sample limit overrun stores nothing and marks the target's series stale, as Prometheus does.
/// Owned by one poller at a time (a value type; the store it writes to is shared and locked).
public struct ScrapeIngester: Sendable {
    private struct Entry: Sendable {
        var ref: SeriesRef
        /// Series with timestamps of their own are not stale-marked (Prometheus's rule).
        var explicitTimestamp: Bool
        /// The scrape that added it; a failed scrape does not stale-mark what it added itself.
        var addedIn: UInt32
    }

    public let store: SeriesStore
    public var target: TargetLabels
    /// Most samples one scrape may have; 0 means no limit.
    public var sampleLimit: Int

    private var cache = ScrapeCache<Entry>(capacity: 1024)
    private var generation: UInt32 = 0
    private var appender: SeriesAppender
    private var metadata: [String: MetricMetadata] = [:]

    public init(store: SeriesStore, target: TargetLabels, sampleLimit: Int = 0) {
        self.store = store
        self.target = target
        self.sampleLimit = sampleLimit
        self.appender = store.appender()
    }

    /// Number of series the cache knows from the latest scrape.
    public var cachedSeries: Int { cache.count }

    /// Parses `body` and stores its samples at `time` (ms) unless they carry their own timestamps.
    public mutating func ingest(_ body: [UInt8], format: ExpositionFormat, at time: Int64) throws(ScrapeError) -> ScrapeReport {
        generation = generation &+ 1
        if generation == 0 { generation = 1 }
        appender.rollback()
        var report = ScrapeReport()
        var parser = ExpositionParser(bytes: body, format: format)
        var pendingMeta: [String: MetricMetadata] = [:]
        let failure: ScrapeError? = body.withUnsafeBytes { raw in
            while true {
                let entry: ExpositionEntry?
                do throws(ExpositionError) { entry = try parser.next() } catch { return .parse(error) }
                guard let entry else { return nil }
                switch entry {
                case .series:
                    report.samplesScraped += 1
                    if sampleLimit > 0 && report.samplesScraped > sampleLimit {
                        return .sampleLimit(limit: sampleLimit)
                    }
                    let key = UnsafeRawBufferPointer(rebasing: raw[parser.seriesRange])
                    let hash = ByteHash.hash(key)
                    let ts = parser.timestamp
                    let ref: SeriesRef
                    if let slot = cache.find(key, hash: hash, generation: generation) {
                        ref = cache.value(at: slot).ref
                    } else {
                        let scraped = parser.labels().map { Label($0.name, $0.value) }
                        ref = store.getOrCreate(target.apply(to: scraped))
                        cache.insert(key, hash: hash, value: Entry(ref: ref, explicitTimestamp: ts != nil, addedIn: generation),
                                     generation: generation)
                        report.seriesAdded += 1
                    }
                    appender.append(ref, ts ?? time, parser.value)
                case .help:
                    pendingMeta[parser.familyName, default: MetricMetadata()].help = parser.helpText
                case .type:
                    pendingMeta[parser.familyName, default: MetricMetadata()].type =
                        TimeSeries.MetricType(rawValue: parser.declaredType.rawValue) ?? .unknown
                case .unit:
                    pendingMeta[parser.familyName, default: MetricMetadata()].unit = parser.unit
                case .comment, .eof:
                    break
                }
            }
        }
        if let failure {
            appender.rollback()
            markDown(at: time, skippingAddedIn: generation)
            throw failure
        }
        // Series of the previous scrape that are gone get a stale marker.
        for gone in cache.sweep(keeping: generation) where !gone.explicitTimestamp {
            appender.markStale(gone.ref, time)
            report.seriesStaled += 1
        }
        let summary = appender.commit()
        report.samplesRejected = summary.rejected
        for (name, meta) in pendingMeta where metadata[name] != meta {
            metadata[name] = meta
            store.setMetadata(name, meta)
        }
        return report
    }

    /// A failed poll: every series of the previous scrape gets a stale marker at `time`, and the
    /// cache starts empty, so the next good scrape re-resolves its series.
    public mutating func markDown(at time: Int64) {
        markDown(at: time, skippingAddedIn: nil)
    }

    private mutating func markDown(at time: Int64, skippingAddedIn failed: UInt32?) {
        var stale = store.appender()
        cache.forEach { entry, _ in
            if !entry.explicitTimestamp && entry.addedIn != failed { stale.markStale(entry.ref, time) }
        }
        _ = stale.commit()
        cache = ScrapeCache<Entry>(capacity: 1024)
    }
}
