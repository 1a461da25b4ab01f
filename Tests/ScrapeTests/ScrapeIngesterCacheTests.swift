import Exposition
import Testing
import TimeSeries
@testable import Scrape

/// The ingest path: what reaches the store, scrape after scrape, with and without the cache's
/// predictions.
@Suite struct ScrapeIngesterCacheTests {
    static let target = TargetLabels(Labels(["job": "j", "instance": "i:1"]))

    static func ingester(predicts: Bool = true) -> ScrapeIngester {
        var ing = ScrapeIngester(store: SeriesStore(retention: 1 << 40), target: target)
        ing.predictsSeries = predicts
        return ing
    }

    /// Every series of the store with its samples (values as bit patterns, so NaNs compare).
    static func dump(_ store: SeriesStore) -> [String] {
        store.allSeries().sorted().map { labels in
            let ref = store.ref(for: labels)
            let samples = ref.flatMap { store.samples(of: $0) } ?? []
            return "\(labels) " + samples.map { "\($0.t):\(String($0.v.bitPattern, radix: 16))" }.joined(separator: " ")
        }
    }

    static func value(_ store: SeriesStore, _ labels: [String: String]) -> [Sample] {
        var all = labels
        all["job"] = "j"
        all["instance"] = "i:1"
        guard let ref = store.ref(for: Labels(all)) else { return [] }
        return store.samples(of: ref) ?? []
    }

    @Test func repeatedScrapesReuseTheCache() throws {
        var ing = Self.ingester()
        let body = Array("# TYPE a counter\na_total{x=\"1\"} 1\na_total{x=\"2\"} 2\nb 3\n".utf8)
        let r1 = try ing.ingest(body, format: .prometheusText, at: 1000)
        #expect(r1.samplesScraped == 3 && r1.seriesAdded == 3)
        let r2 = try ing.ingest(body, format: .prometheusText, at: 2000)
        #expect(r2.samplesScraped == 3 && r2.seriesAdded == 0 && r2.seriesStaled == 0)
        #expect(ing.cachedSeries == 3)
        #expect(Self.value(ing.store, ["__name__": "a_total", "x": "2"]) == [Sample(t: 1000, v: 2), Sample(t: 2000, v: 2)])
        #expect(ing.store.metadata(for: "a_total")?.type == .counter || ing.store.metadata(for: "a")?.type == .counter)
    }

    @Test func vanishedSeriesGetStaleMarkersAndNewOnesAreAdded() throws {
        var ing = Self.ingester()
        _ = try ing.ingest(Array("a 1\nb 2\nc 3\n".utf8), format: .prometheusText, at: 1000)
        let r = try ing.ingest(Array("a 1\nd 4\nc 3\n".utf8), format: .prometheusText, at: 2000)
        #expect(r.seriesAdded == 1 && r.seriesStaled == 1)
        let b = Self.value(ing.store, ["__name__": "b"])
        #expect(b.count == 2 && StaleNaN.isStale(b[1].v) && b[1].t == 2000)
        #expect(Self.value(ing.store, ["__name__": "d"]) == [Sample(t: 2000, v: 4)])
        let r3 = try ing.ingest(Array("a 5\nd 6\nc 7\n".utf8), format: .prometheusText, at: 3000)
        #expect(r3.seriesAdded == 0 && r3.seriesStaled == 0)
        #expect(Self.value(ing.store, ["__name__": "c"]).last == Sample(t: 3000, v: 7))
    }

    @Test func aCachedBareNameIsNotTakenForALongerSeries() throws {
        var ing = Self.ingester()
        _ = try ing.ingest(Array("a 1\n".utf8), format: .prometheusText, at: 1000)
        _ = try ing.ingest(Array("a_b 2\na{x=\"1\"} 3\na {y=\"2\"} 4\na 5\n".utf8), format: .prometheusText, at: 2000)
        #expect(Self.value(ing.store, ["__name__": "a_b"]) == [Sample(t: 2000, v: 2)])
        #expect(Self.value(ing.store, ["__name__": "a", "x": "1"]) == [Sample(t: 2000, v: 3)])
        #expect(Self.value(ing.store, ["__name__": "a", "y": "2"]) == [Sample(t: 2000, v: 4)])
        #expect(Self.value(ing.store, ["__name__": "a"]) == [Sample(t: 1000, v: 1), Sample(t: 2000, v: 5)])
    }

    @Test func errorsOnACachedScrapeAreThePlainParsersErrors() throws {
        var ing = Self.ingester()
        let good = "a{x=\"one\ntwo\"} 1\nb 2\n"
        _ = try ing.ingest(Array(good.utf8), format: .prometheusText, at: 1000)
        let bad = Array("a{x=\"one\ntwo\"} 1\nb 2 x\n".utf8)
        var parser = ExpositionParser(bytes: bad, format: .prometheusText)
        var expected: ExpositionError? = nil
        do { while try parser.next() != nil {} } catch { expected = error }
        #expect(throws: ScrapeError.parse(expected!)) { try ing.ingest(bad, format: .prometheusText, at: 2000) }
        // The failed scrape stale-marks everything and empties the cache.
        #expect(ing.cachedSeries == 0)
        #expect(StaleNaN.isStale(Self.value(ing.store, ["__name__": "b"]).last!.v))
    }

    @Test func metadataFollowsChanges() throws {
        var ing = Self.ingester()
        _ = try ing.ingest(Array("# HELP a first\n# TYPE a gauge\na 1\n".utf8), format: .prometheusText, at: 1000)
        #expect(ing.store.metadata(for: "a") == MetricMetadata(type: .gauge, help: "first"))
        _ = try ing.ingest(Array("# HELP a first\n# TYPE a gauge\na 1\n".utf8), format: .prometheusText, at: 2000)
        #expect(ing.store.metadata(for: "a") == MetricMetadata(type: .gauge, help: "first"))
        _ = try ing.ingest(Array("# HELP a second\n# TYPE a gauge\na 1\n# HELP b x\nb 1\n".utf8), format: .prometheusText, at: 3000)
        #expect(ing.store.metadata(for: "a") == MetricMetadata(type: .gauge, help: "second"))
        #expect(ing.store.metadata(for: "b")?.help == "x")
        let om = "# TYPE a_seconds counter\n# UNIT a_seconds seconds\na_seconds_total 1\n# EOF\n"
        _ = try ing.ingest(Array(om.utf8), format: .openMetrics, at: 4000)
        #expect(ing.store.metadata(for: "a_seconds") == MetricMetadata(type: .counter, help: "", unit: "seconds"))
        _ = try ing.ingest(Array(om.utf8), format: .openMetrics, at: 5000)
        #expect(ing.store.metadata(for: "a_seconds") == MetricMetadata(type: .counter, help: "", unit: "seconds"))
        #expect(ing.store.metadata(for: "a") == MetricMetadata(type: .gauge, help: "second"))
    }

    @Test func sampleLimitRejectsTheScrape() throws {
        var ing = Self.ingester()
        ing.sampleLimit = 2
        _ = try ing.ingest(Array("a 1\nb 2\n".utf8), format: .prometheusText, at: 1000)
        #expect(throws: ScrapeError.sampleLimit(limit: 2)) {
            try ing.ingest(Array("a 1\nb 2\nc 3\n".utf8), format: .prometheusText, at: 2000)
        }
        #expect(Self.value(ing.store, ["__name__": "c"]).isEmpty)
    }

    static let vocabulary: [String] = [
        "a 1", "a_b 2", "a{x=\"1\"} 3", "a {x=\"1\"} 4", "a{x=\"2\"} 5", "a{x=\"1\",y=\"2\"} 6", "{\"a\",x=\"3\"} 7",
        "a{x=\"v\\nw\"} 8", "a{x=\"raw\nline\"} 9", "b 10 1500", "c_bucket{le=\"1\"} 11", "# TYPE c histogram",
        "# HELP a text", "# comment", "", "d{job=\"x\"} 12", "e 0.1", "e{z=\"1\"} 1e-3",
    ]

    /// Random scrapes (series appearing, vanishing, moving, repeating, values changing, sometimes
    /// a broken line) give the same store with and without predictions.
    @Test(arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func predictionsChangeNothing(format: ExpositionFormat) throws {
        var rng = SplitMix(seed: 5)
        var succeeded = 0
        for _ in 0..<60 {
            var plain = Self.ingester(predicts: false)
            var fast = Self.ingester(predicts: true)
            var pool = (0..<8).map { _ in Self.vocabulary[Int(rng.next() % UInt64(Self.vocabulary.count))] }
            var t: Int64 = 1_000_000
            for scrape in 0..<12 {
                // Mutate: swap, drop, duplicate, add, change a value, sometimes break a line.
                switch rng.next() % 6 {
                case 0 where pool.count > 1: pool.swapAt(Int(rng.next() % UInt64(pool.count)), Int(rng.next() % UInt64(pool.count)))
                case 1 where !pool.isEmpty: pool.remove(at: Int(rng.next() % UInt64(pool.count)))
                case 2 where !pool.isEmpty: pool.insert(pool[Int(rng.next() % UInt64(pool.count))], at: Int(rng.next() % UInt64(pool.count)))
                case 3: pool.insert(Self.vocabulary[Int(rng.next() % UInt64(Self.vocabulary.count))], at: Int(rng.next() % UInt64(pool.count + 1)))
                default: break
                }
                var lines = pool.map { line -> String in
                    guard line.first != "#", let sp = line.lastIndex(of: " "), !line.hasSuffix(" 1500") else { return line }
                    return String(line[..<sp]) + " " + String(rng.next() % 100)
                }
                if scrape % 5 == 4, !lines.isEmpty { lines[Int(rng.next() % UInt64(lines.count))] += " x" }
                var body = Array(lines.joined(separator: "\n").utf8)
                if format == .openMetrics {
                    // OpenMetrics: no free comments or blank lines, float timestamps, `# EOF`.
                    // One line per series, families not interleaved: sorted by series, metadata dropped.
                    var seenKeys = Set<String>()
                    let om = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.contains("raw\nline") }
                        .map { $0.hasSuffix(" 1500") ? String($0.dropLast(5)) + " 1.5" : $0 }
                        .filter { seenKeys.insert(String($0[..<($0.lastIndex(of: " ") ?? $0.endIndex)])).inserted }
                        .sorted()
                    body = Array((om.joined(separator: "\n") + (om.isEmpty ? "" : "\n") + "# EOF\n").utf8)
                }
                t += 15_000
                let a = Result { () throws(ScrapeError) in try plain.ingest(body, format: format, at: t) }
                let b = Result { () throws(ScrapeError) in try fast.ingest(body, format: format, at: t) }
                switch (a, b) {
                case (.success(let x), .success(let y)):
                    #expect(x == y)
                    succeeded += 1
                case (.failure(let x), .failure(let y)): #expect(x == y)
                default: Issue.record("outcomes differ: \(a) vs \(b)")
                }
                #expect(plain.cachedSeries == fast.cachedSeries)
                #expect(Self.dump(plain.store) == Self.dump(fast.store), "\(lines)")
            }
        }
        #expect(succeeded > 100, "only \(succeeded) scrapes parsed")
    }
}
