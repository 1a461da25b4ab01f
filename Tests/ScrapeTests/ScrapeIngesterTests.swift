import Exposition
import Testing
import TimeSeries
@testable import Scrape

@Suite struct ScrapeIngesterTests {
    let target = TargetLabels(Labels(["job": "api", "instance": "10.0.0.1:9100"]))

    func ingester(limit: Int = 0) -> (SeriesStore, ScrapeIngester) {
        let store = SeriesStore(retention: 3_600_000)
        return (store, ScrapeIngester(store: store, target: target, sampleLimit: limit))
    }

    func samples(_ store: SeriesStore, _ name: String) throws -> [SeriesSamples] {
        store.select([try LabelMatcher(.equal, "__name__", name)], mint: 0, maxt: .max)
    }

    @Test func firstAndRepeatedScrape() throws {
        var (store, ing) = ingester()
        let body = Array("# TYPE up_total counter\nup_total{a=\"1\"} 1\nup_total{a=\"2\"} 2\n".utf8)
        let r1 = try ing.ingest(body, format: .prometheusText, at: 1000)
        #expect(r1.samplesScraped == 2)
        #expect(r1.seriesAdded == 2)
        let r2 = try ing.ingest(body, format: .prometheusText, at: 2000)
        #expect(r2.seriesAdded == 0)
        #expect(r2.seriesStaled == 0)
        let got = try samples(store, "up_total")
        #expect(got.count == 2)
        #expect(got[0].labels == Labels(["__name__": "up_total", "a": "1", "job": "api", "instance": "10.0.0.1:9100"]))
        #expect(got[0].samples == [Sample(t: 1000, v: 1), Sample(t: 2000, v: 1)])
        #expect(store.metadata(for: "up_total")?.type == .counter)
    }

    @Test func vanishedSeriesGetStaleMarker() throws {
        var (store, ing) = ingester()
        _ = try ing.ingest(Array("a 1\nb 2\n".utf8), format: .prometheusText, at: 1000)
        let r = try ing.ingest(Array("a 1\n".utf8), format: .prometheusText, at: 2000)
        #expect(r.seriesStaled == 1)
        let b = try samples(store, "b")
        #expect(b[0].samples.count == 2)
        #expect(StaleNaN.isStale(b[0].samples[1].v))
        #expect(b[0].samples[1].t == 2000)
        // Coming back is a new cache entry.
        let r3 = try ing.ingest(Array("a 1\nb 5\n".utf8), format: .prometheusText, at: 3000)
        #expect(r3.seriesAdded == 1)
    }

    @Test func explicitTimestampsAreNotStaleMarked() throws {
        var (store, ing) = ingester()
        _ = try ing.ingest(Array("a 1 500\n".utf8), format: .prometheusText, at: 1000)
        let r = try ing.ingest(Array("".utf8), format: .prometheusText, at: 2000)
        #expect(r.seriesStaled == 0)
        #expect(try samples(store, "a")[0].samples == [Sample(t: 500, v: 1)])
    }

    @Test func sampleLimitStoresNothingAndMarksStale() throws {
        var (store, ing) = ingester(limit: 2)
        _ = try ing.ingest(Array("a 1\n".utf8), format: .prometheusText, at: 1000)
        #expect(throws: ScrapeError.sampleLimit(limit: 2)) {
            try ing.ingest(Array("a 2\nb 2\nc 3\n".utf8), format: .prometheusText, at: 2000)
        }
        #expect(try samples(store, "b").isEmpty)
        let a = try samples(store, "a")[0].samples
        #expect(a.count == 2)
        #expect(StaleNaN.isStale(a[1].v))
    }

    @Test func parseErrorStoresNothing() throws {
        var (store, ing) = ingester()
        #expect(throws: ScrapeError.self) {
            try ing.ingest(Array("a 1\nb{ 2\n".utf8), format: .prometheusText, at: 1000)
        }
        #expect(try samples(store, "a").isEmpty)
    }

    @Test func markDownStalesEverything() throws {
        var (store, ing) = ingester()
        _ = try ing.ingest(Array("a 1\nb 2\n".utf8), format: .prometheusText, at: 1000)
        ing.markDown(at: 2000)
        #expect(ing.cachedSeries == 0)
        for name in ["a", "b"] {
            let s = try samples(store, name)[0].samples
            #expect(s.count == 2 && StaleNaN.isStale(s[1].v))
        }
    }

    @Test func duplicateSeriesInOneScrapeIsRejectedNotFatal() throws {
        var (_, ing) = ingester()
        let r = try ing.ingest(Array("a 1\na 2\n".utf8), format: .prometheusText, at: 1000)
        #expect(r.samplesScraped == 2)
        #expect(r.samplesRejected == 1)
    }

    @Test(arguments: [
        // scraped, honor_labels, expected
        (["__name__": "m", "job": "scraped"], false, ["__name__": "m", "job": "api", "exported_job": "scraped", "instance": "i"]),
        (["__name__": "m", "job": "scraped"], true, ["__name__": "m", "job": "scraped", "instance": "i"]),
        (["__name__": "m", "job": "x", "exported_job": "y"], false,
         ["__name__": "m", "job": "api", "exported_job": "y", "exported_exported_job": "x", "instance": "i"]),
        (["__name__": "m", "job": ""], false, ["__name__": "m", "job": "api", "instance": "i"]),
    ])
    func targetLabels(scraped: [String: String], honor: Bool, expected: [String: String]) {
        let t = TargetLabels(Labels(["job": "api", "instance": "i"]), honorLabels: honor)
        #expect(t.apply(to: scraped.map { Label($0.key, $0.value) }) == Labels(expected))
    }
}
