import Testing
@testable import TimeSeries

@Suite struct SeriesStoreTests {
    typealias S = StoreTestSupport

    @Test func getOrCreateIsIdempotentAndInterns() {
        let store = SeriesStore()
        let a = store.getOrCreate(S.labels("up", ["job": "node", "instance": "a:9100"]))
        let b = store.getOrCreate(Labels([Label("instance", "a:9100"), Label("job", "node"), Label("__name__", "up")]))
        let c = store.getOrCreate(S.labels("up", ["job": "node", "instance": "b:9100"]))
        #expect(a == b)
        #expect(a != c)
        #expect(store.seriesCount == 2)
        #expect(store.labels(of: a) == S.labels("up", ["job": "node", "instance": "a:9100"]))
        #expect(store.ref(for: S.labels("up", ["job": "x"])) == nil)
        #expect(store.ref(for: S.labels("up", ["job": "node", "instance": "b:9100"])) == c)
        // Names and shared values are stored once: __name__, up, job, node, instance, a, b.
        let symbols = store.state.withLock { $0.symbols.count }
        #expect(symbols == 7)
    }

    @Test func manySeriesShareSymbols() {
        let store = SeriesStore()
        for i in 0..<1_000 {
            _ = store.getOrCreate(S.labels("http_requests_total", ["job": "api", "le": String(i % 10), "instance": "host\(i / 10)"]))
        }
        #expect(store.seriesCount == 1_000)
        let symbols = store.state.withLock { $0.symbols.count }
        // __name__ + metric, job + api, le + 10 values, instance + 100 values.
        #expect(symbols == 2 + 2 + 11 + 101)
    }

    @Test func emptyLabelSetIsAnOrdinarySeries() {
        let store = SeriesStore()
        let r = store.getOrCreate(.empty)
        #expect(store.getOrCreate(.empty) == r)
        #expect(store.append(r, 1, 1) == .appended)
        #expect(store.labels(of: r) == .empty)
        #expect(store.select([], mint: 0, maxt: 10).map(\.samples) == [[Sample(t: 1, v: 1)]])
    }

    /// Samples appended after (1000, 1.0) and the outcome each should get.
    static let orderingCases: [(appends: [Sample], expected: [AppendOutcome])] = [
        ([Sample(t: 2000, v: 2)], [.appended]),
        ([Sample(t: 999, v: 2)], [.outOfOrder]),
        ([Sample(t: 1000, v: 1)], [.duplicate]),
        ([Sample(t: 1000, v: 1.5)], [.duplicateTimestamp]),
        ([Sample(t: 2000, v: 2), Sample(t: 1500, v: 3), Sample(t: 2000, v: 2), Sample(t: 3000, v: 3)],
         [.appended, .outOfOrder, .duplicate, .appended]),
        ([Sample(t: .min, v: 0), Sample(t: .max, v: 0), Sample(t: .max, v: 0)], [.outOfOrder, .appended, .duplicate]),
    ]

    @Test(arguments: orderingCases)
    func ordering(_ appends: [Sample], _ expected: [AppendOutcome]) {
        let store = SeriesStore()
        let r = store.getOrCreate(S.labels("m"))
        #expect(store.append(r, 1000, 1.0) == .appended)
        #expect(appends.map { store.append(r, $0.t, $0.v) } == expected)
        var accepted = [Sample(t: 1000, v: 1)]
        for (s, o) in zip(appends, expected) where o == .appended { accepted.append(s) }
        #expect(store.samples(of: r) == accepted)
        #expect(store.appendTotals.total == appends.count + 1)
    }

    @Test func orderingSurvivesChunkBoundaries() {
        let store = SeriesStore()
        let r = store.getOrCreate(S.labels("m"))
        for i in 0..<360 { #expect(store.append(r, Int64(i) * 1000, Double(i)) == .appended) }
        #expect(store.append(r, 359_000, 359) == .duplicate)
        #expect(store.append(r, 200_000, 1) == .outOfOrder)
        let stats = store.memoryStats()
        #expect(stats.sealedChunkCount == 3)  // sealed as soon as full
        #expect(stats.headChunkCount == 0)
        #expect(stats.sampleCount == 360)
        #expect(store.samples(of: r)?.count == 360)
    }

    @Test func unknownRefsAreRejected() {
        let store = SeriesStore()
        let other = SeriesStore()
        _ = other.getOrCreate(S.labels("a"))
        let foreign = other.getOrCreate(S.labels("b"))
        #expect(store.append(foreign, 1, 1) == .unknownSeries)
        #expect(store.append(SeriesRef(rawValue: .max), 1, 1) == .unknownSeries)
        #expect(store.labels(of: foreign) == nil)
    }

    @Test func stalenessMarkerRoundTrips() {
        let store = SeriesStore()
        let r = store.getOrCreate(S.labels("m"))
        store.append(r, 1000, 5)
        #expect(store.markStale(r, 2000) == .appended)
        store.append(r, 3000, .nan)
        store.append(r, 4000, 6)
        #expect(store.markStale(r, 5000) == .appended)
        #expect(store.markStale(r, 5000) == .duplicate)
        let s = store.samples(of: r)!
        #expect(s.map(\.t) == [1000, 2000, 3000, 4000, 5000])
        #expect(s.map { StaleNaN.isStale($0.v) } == [false, true, false, false, true])
        #expect(s[1].v.bitPattern == StaleNaN.bits)
        #expect(s[2].v.isNaN)
    }

    @Test func batchAppendCommitsEverything() {
        let store = SeriesStore()
        let refs = (0..<50).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        let summary = store.appendBatch { app in
            for t in 0..<10 { for r in refs { app.append(r, Int64(t) * 15_000, Double(t)) } }
            app.append(refs[0], 135_000, 99)  // duplicate timestamp with a new value
            app.append(refs[0], 0, 1)  // out of order
            app.markStale(refs[1], 1_000_000)
        }
        #expect(summary.appended == 501)
        #expect(summary.duplicateTimestamp == 1)
        #expect(summary.outOfOrder == 1)
        var app = store.appender()
        app.append(refs[2], 1_000_000, 1)
        app.rollback()
        #expect(app.commit().total == 0)
        app.append(refs[2], 1_000_000, 1)
        #expect(app.pendingCount == 1)
        #expect(app.commit().appended == 1)
        #expect(store.samples(of: refs[2])?.last == Sample(t: 1_000_000, v: 1))
    }

    @Test func metadata() {
        let store = SeriesStore()
        store.setMetadata("http_requests_total", MetricMetadata(type: .counter, help: "Requests.", unit: ""))
        store.setMetadata("temp", MetricMetadata(type: .gauge, help: "Temperature.", unit: "celsius"))
        #expect(store.metadata(for: "temp")?.unit == "celsius")
        #expect(store.metadata(for: "http_requests_total")?.type == .counter)
        #expect(store.metadata(for: "nope") == nil)
        #expect(store.allMetadata().count == 2)
        #expect(MetricType(rawValue: "gaugehistogram") == .gaugeHistogram)
    }

    @Test func longSeriesAcrossManyChunksReadsBackExactly() {
        let store = SeriesStore()
        let r = store.getOrCreate(S.labels("m"))
        var rng = SeededGenerator(seed: 5)
        var expected: [Sample] = []
        var t: Int64 = 1_700_000_000_000
        for _ in 0..<2_000 {
            // Incompressible values exercise the byte cap (chunks sealed before 120 samples).
            let v = Double(bitPattern: rng.next())
            expected.append(Sample(t: t, v: v))
            store.append(r, t, v)
            t += Int64.random(in: 1...60_000, using: &rng)
        }
        let back = store.samples(of: r)!
        #expect(back.count == expected.count)
        #expect(zip(back, expected).allSatisfy { $0.t == $1.t && $0.v.bitPattern == $1.v.bitPattern })
        let window = store.samples(of: r, mint: expected[500].t, maxt: expected[1500].t)!
        #expect(window.count == 1001)
        #expect(store.memoryStats().sealedChunkCount > 2_000 / 120)
    }
}
