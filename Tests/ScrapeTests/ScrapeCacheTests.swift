import Testing
@testable import Scrape

/// The cache on its own: predictions in scrape order, repeats, drops and re-layout.
@Suite struct ScrapeCacheTests {
    /// One scrape of `keys` the way the ingester drives the cache; returns the values met and the
    /// values dropped at the end.
    static func scrape(_ cache: inout ScrapeCache<String>, _ keys: [String]) -> (met: [String], dropped: [String]) {
        cache.beginScrape()
        var met: [String] = []
        for key in keys {
            let bytes = Array(key.utf8)
            let predicted = cache.withExpectedKey { Array($0) == bytes }
            if predicted {
                met.append(cache.takeExpected())
                continue
            }
            bytes.withUnsafeBytes { raw in
                let hash = ByteHash.hash(raw)
                if let v = cache.find(raw, hash: hash) {
                    met.append(v)
                } else {
                    cache.insert(raw, hash: hash, value: key.uppercased())
                    met.append(key.uppercased())
                }
            }
        }
        return (met, cache.finishScrape().sorted())
    }

    @Test func sameOrderIsPredictedRepeatsIncluded() {
        var cache = ScrapeCache<String>()
        let keys = ["a", "b", "a", "c", "b", "d"]
        _ = Self.scrape(&cache, keys)
        #expect(cache.count == 4)
        let (met, dropped) = Self.scrape(&cache, keys)
        #expect(met == keys.map { $0.uppercased() })
        #expect(dropped.isEmpty)
        #expect(cache.mispredicted == 0)
    }

    @Test func goneSeriesAreDroppedOnceAndOrderIsRelearned() {
        var cache = ScrapeCache<String>()
        _ = Self.scrape(&cache, ["a", "b", "c", "b"])
        let (met, dropped) = Self.scrape(&cache, ["c", "x", "a", "c"])
        #expect(met == ["C", "X", "A", "C"])
        #expect(dropped == ["B"])
        #expect(cache.count == 3)
        let (again, none) = Self.scrape(&cache, ["c", "x", "a", "c"])
        #expect(again == ["C", "X", "A", "C"] && none.isEmpty)
        #expect(cache.mispredicted == 0)
        var values: [String] = []
        cache.forEach { values.append($0) }
        #expect(values.sorted() == ["A", "C", "X"])
    }

    @Test func anEmptyScrapeDropsEverything() {
        var cache = ScrapeCache<String>()
        _ = Self.scrape(&cache, ["a", "b"])
        let (met, dropped) = Self.scrape(&cache, [])
        #expect(met.isEmpty && dropped == ["A", "B"] && cache.count == 0)
        let (back, _) = Self.scrape(&cache, ["b"])
        #expect(back == ["B"])
    }

    @Test func manySeriesGrowTheTable() {
        var cache = ScrapeCache<String>()
        let keys = (0..<5000).map { "series_\($0)" }
        _ = Self.scrape(&cache, keys)
        let shuffled = keys.reversed().map { $0 }
        let (met, dropped) = Self.scrape(&cache, shuffled)
        #expect(met == shuffled.map { $0.uppercased() } && dropped.isEmpty)
        let (again, _) = Self.scrape(&cache, shuffled)
        #expect(again.count == 5000 && cache.mispredicted == 0)
    }
}
