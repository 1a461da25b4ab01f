import Exposition
import TimeSeries

/// The ingest path of one target: parses a scrape body and appends its samples to the store.
///
/// A series seen in the previous scrape is found by the raw bytes of `name{labels}` in the scrape
/// cache, so its labels are never parsed again. Series usually come in the same order as last
/// time: the cache then predicts each one and the parser only compares its bytes with the cached
/// key (`ExpositionParser.next(expecting:)`), without hashing or label scanning; HELP and TYPE
/// lines equal to the last scrape's are not decoded either. A scrape is all or nothing: a parse error or a
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
    /// Counts scrapes, to tell which cache entries the current one added.
    private var generation: UInt32 = 0
    /// The format of the last good scrape: every cached key was accepted by a parser of it, so
    /// the parser may take a cached key's bytes as read (`next(expecting:)`) only in that format.
    private var cachedFormat: ExpositionFormat? = nil
    /// Whether cached keys are offered to the parser; off only in tests that compare both paths.
    var predictsSeries = true
    private var appender: SeriesAppender
    private var metadata: [String: MetricMetadata] = [:]
    private var metadataLog = MetadataLog()

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
        generation &+= 1
        // Work on local copies (left unique by emptying the fields) so the loop's closures do
        // not copy them per call.
        var cache = self.cache
        self.cache = ScrapeCache<Entry>()
        var appender = self.appender
        self.appender = store.appender()
        var log = self.metadataLog
        self.metadataLog = MetadataLog()
        defer {
            self.appender = appender
            self.metadataLog = log
        }

        cache.beginScrape()
        log.begin(format: format)
        appender.rollback()
        var report = ScrapeReport()
        var parser = ExpositionParser(bytes: body, format: format)
        // The parser takes cached keys as read only in the text format they were accepted in;
        // otherwise a scanned series is still compared with the predicted key before hashing.
        let predict = predictsSeries && cachedFormat == format && format == .prometheusText
        let compareScanned = predictsSeries && !predict
        let limit = sampleLimit
        let failure: ScrapeError? = body.withUnsafeBytes { raw in
            while true {
                let entry: ExpositionEntry?
                do throws(ExpositionError) {
                    if predict {
                        let r = cache.withExpectedKey { key in
                            Result { () throws(ExpositionError) in try parser.next(expecting: key) }
                        }
                        entry = try r.get()
                    } else {
                        entry = try parser.next()
                    }
                } catch { return .parse(error) }
                guard let entry else { return nil }
                switch entry {
                case .series:
                    report.samplesScraped += 1
                    if limit > 0 && report.samplesScraped > limit { return .sampleLimit(limit: limit) }
                    let ts = parser.timestamp
                    let ref: SeriesRef
                    if parser.expectedSeriesMatched {
                        ref = cache.takeExpected().ref
                    } else if compareScanned, cache.isExpected(UnsafeRawBufferPointer(rebasing: raw[parser.seriesRange])) {
                        ref = cache.takeExpected().ref
                    } else {
                        let key = UnsafeRawBufferPointer(rebasing: raw[parser.seriesRange])
                        let hash = ByteHash.hash(key)
                        if let found = cache.find(key, hash: hash) {
                            ref = found.ref
                        } else {
                            ref = resolve(&parser)
                            cache.insert(key, hash: hash,
                                         value: Entry(ref: ref, explicitTimestamp: ts != nil, addedIn: generation))
                            report.seriesAdded += 1
                        }
                    }
                    appender.append(ref, ts ?? time, parser.value)
                case .help:
                    log.record(kind: 0, UnsafeRawBufferPointer(rebasing: raw[parser.metadataRange])) {
                        (parser.familyName, .help(parser.helpText))
                    }
                case .type:
                    log.record(kind: 1, UnsafeRawBufferPointer(rebasing: raw[parser.metadataRange])) {
                        (parser.familyName, .type(TimeSeries.MetricType(rawValue: parser.declaredType.rawValue) ?? .unknown))
                    }
                case .unit:
                    log.record(kind: 2, UnsafeRawBufferPointer(rebasing: raw[parser.metadataRange])) {
                        (parser.familyName, .unit(parser.unit))
                    }
                case .comment, .eof:
                    break
                }
            }
        }
        if let failure {
            appender.rollback()
            self.cache = cache
            markDown(at: time, skippingAddedIn: generation)
            throw failure
        }
        cachedFormat = format
        // Series of the previous scrape that are gone get a stale marker.
        for gone in cache.finishScrape() where !gone.explicitTimestamp {
            appender.markStale(gone.ref, time)
            report.seriesStaled += 1
        }
        self.cache = cache
        let summary = appender.commit()
        report.samplesRejected = summary.rejected
        if let lines = log.finish() { updateMetadata(lines) }
        return report
    }

    /// The store's series for a series the cache does not know: its labels merged with the target's.
    private func resolve(_ parser: inout ExpositionParser) -> SeriesRef {
        let scraped = parser.labels().map { Label($0.name, $0.value) }
        return store.getOrCreate(target.apply(to: scraped))
    }

    /// Hands the store the metadata of families whose HELP, TYPE or UNIT changed.
    private mutating func updateMetadata(_ lines: [MetadataLog.Line]) {
        var pending: [String: MetricMetadata] = [:]
        for line in lines {
            switch line.field {
            case .help(let text): pending[line.family, default: MetricMetadata()].help = text
            case .type(let type): pending[line.family, default: MetricMetadata()].type = type
            case .unit(let unit): pending[line.family, default: MetricMetadata()].unit = unit
            }
        }
        for (name, meta) in pending where metadata[name] != meta {
            metadata[name] = meta
            store.setMetadata(name, meta)
        }
    }

    /// A failed poll: every series of the previous scrape gets a stale marker at `time`, and the
    /// cache starts empty, so the next good scrape re-resolves its series.
    public mutating func markDown(at time: Int64) {
        markDown(at: time, skippingAddedIn: nil)
    }

    private mutating func markDown(at time: Int64, skippingAddedIn failed: UInt32?) {
        var stale = store.appender()
        cache.forEach { entry in
            if !entry.explicitTimestamp && entry.addedIn != failed { stale.markStale(entry.ref, time) }
        }
        _ = stale.commit()
        cache = ScrapeCache<Entry>(capacity: 1024)
        cachedFormat = nil
    }
}
