import Testing
@testable import TimeSeries

@Suite struct RetentionTests {
    typealias S = StoreTestSupport

    @Test func oldChunksAreDroppedWhole() {
        let store = SeriesStore(options: .init(retention: 100_000))
        let r = store.getOrCreate(S.labels("m"))
        for i in 0..<300 { store.append(r, Int64(i) * 1000, Double(i)) }  // chunks: 0-119, 120-239, head 240-299
        var summary = store.compact(now: 200_000)  // cutoff 100s: chunk 0 (maxt 119s) stays
        #expect(summary.droppedChunks == 0)
        summary = store.compact(now: 220_000)  // cutoff 120s > 119s
        #expect(summary.droppedChunks == 1)
        #expect(store.samples(of: r)?.first?.t == 120_000)
        #expect(store.seriesCount == 1)
        // Everything old: head dropped too, but the series was appended to since last compaction.
        #expect(store.append(r, 300_000, 1) == .appended)
        summary = store.compact(now: 10_000_000)
        #expect(summary.droppedChunks == 2)
        #expect(summary.removedSeries == 0)
        #expect(store.samples(of: r) == [])
        // Ordering still enforced against the last sample ever appended.
        #expect(store.append(r, 10_000, 1) == .outOfOrder)
        #expect(store.append(r, 300_000, 2) == .duplicateTimestamp)
        summary = store.compact(now: 10_000_000)
        #expect(summary.removedSeries == 1)
        #expect(store.seriesCount == 0)
        #expect(store.labels(of: r) == nil)
        #expect(store.append(r, 20_000_000, 1) == .unknownSeries)
        #expect(store.memoryStats().chunkBytes == 0)
        #expect(store.labelNames() == [])
    }

    @Test func removedSeriesRefsNeverReachNewSeries() {
        let store = SeriesStore(options: .init(retention: 1_000))
        let old = store.getOrCreate(S.labels("a", ["job": "x"]))
        store.compact(now: 0)  // clears the "recently touched" mark
        store.compact(now: 0)  // no samples, untouched → removed
        #expect(store.seriesCount == 0)
        let new = store.getOrCreate(S.labels("b", ["job": "y"]))
        #expect(new != old)
        #expect(store.append(old, 1, 1) == .unknownSeries)
        #expect(store.append(new, 1, 1) == .appended)
        #expect(store.labels(of: new) == S.labels("b", ["job": "y"]))
        #expect(store.labelValues("job") == ["y"])
        #expect(store.select([S.matcher(.equal, "job", "x")], mint: .min, maxt: .max).isEmpty)
        // The old labels can be recreated and get a fresh ref.
        let again = store.getOrCreate(S.labels("a", ["job": "x"]))
        #expect(again != old)
        #expect(store.state.withLock { $0.symbols.count } == 6)
    }

    @Test func budgetEvictsGloballyOldestFirst() {
        let limit = 64 * 1024
        let store = SeriesStore(options: .init(memoryLimit: limit))
        // Series "early" gets old data, then all series get newer data.
        let refs = (0..<20).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        var rng = SeededGenerator(seed: 11)
        var t: Int64 = 0
        for _ in 0..<2_000 {
            t += 1000
            for r in refs { store.append(r, t, Double(bitPattern: rng.next() >> 2)) }
            #expect(store.memoryStats().chunkBytes <= limit)
        }
        let stats = store.memoryStats()
        #expect(stats.evictedChunks > 0)
        #expect(stats.chunkBytes <= limit)
        #expect(store.appendTotals.overMemoryLimit == 0)
        // Every series lost its oldest data, none lost recent data: the oldest surviving sample
        // times are close together across series.
        let firsts = refs.compactMap { store.samples(of: $0)?.first?.t }
        #expect(firsts.count == 20)
        #expect(firsts.max()! - firsts.min()! < 200_000)
        #expect(refs.allSatisfy { store.samples(of: $0)?.last?.t == t })
    }

    @Test func budgetTooSmallForHeadsRejectsInsteadOfGrowing() {
        let store = SeriesStore(options: .init(memoryLimit: 1_000))
        let refs = (0..<50).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        var outcomes = AppendSummary()
        for r in refs { outcomes.record(store.append(r, 1, 1)) }
        #expect(outcomes.overMemoryLimit > 0)
        #expect(store.memoryStats().chunkBytes <= 1_000)
    }

    @Test func chunkByteAccountingMatchesAWalk() {
        let store = SeriesStore(options: .init(retention: 50_000))
        var rng = SeededGenerator(seed: 3)
        let refs = (0..<30).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        for step in 0..<500 {
            for r in refs where Bool.random(using: &rng) {
                store.append(r, Int64(step) * 1000, Double.random(in: 0...100, using: &rng).rounded())
            }
            if step % 97 == 0 { store.compact(now: Int64(step) * 1000) }
        }
        let walked = store.state.withLock { s in
            var total = 0
            for slot in s.slots where slot.live {
                var c = slot.oldest
                while let chunk = c {
                    total += RawChunk.footprint(dataBytes: chunk.dataBytes)
                    c = chunk.next
                }
                if slot.head != nil { total += RawChunk.headFootprint(dataCapacity: Int(slot.headCapacity)) }
            }
            return total
        }
        #expect(walked == store.memoryStats().chunkBytes)
    }
}
