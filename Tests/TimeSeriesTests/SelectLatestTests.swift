import Testing
@testable import TimeSeries

/// `selectLatest` must give, per series, exactly the last sample `select` gives for the window,
/// whether it comes from the encoder's last sample or from decoding.
@Suite struct SelectLatestTests {
    typealias S = StoreTestSupport
    typealias C = ChunkCodecTests

    static func check(_ store: SeriesStore, _ matchers: [LabelMatcher], _ mint: Int64, _ maxt: Int64,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let full = store.select(matchers, mint: mint, maxt: maxt)
        let latest = store.selectLatest(matchers, mint: mint, maxt: maxt)
        #expect(latest.map(\.labels) == full.map(\.labels), "window \(mint)...\(maxt)", sourceLocation: sourceLocation)
        for (l, f) in zip(latest, full) {
            #expect(C.sameBits(l.samples, [f.samples[f.samples.count - 1]]), "\(l.labels) in \(mint)...\(maxt)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [UInt64(8), 9])
    func matchesTheLastSampleOfSelect(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let store = SeriesStore(options: .init(retention: 3_000_000))
        let refs = (0..<6).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        let matcher = [S.matcher(.equal, "__name__", "m")]
        var t: Int64 = 1_000
        for step in 0..<2_000 {
            for (i, r) in refs.enumerated() where Int.random(in: 0..<(i + 2), using: &rng) != 0 {
                let v = step % 50 == 49 ? StaleNaN.value : Double(Int.random(in: 0...100, using: &rng))
                store.append(r, t, v)
            }
            Self.check(store, matcher, t - 300_000, t)
            Self.check(store, matcher, t - 300_000, t - Int64.random(in: 1...400_000, using: &rng))
            Self.check(store, matcher, t + 1, t + 10)
            if step % 300 == 299 { store.compact(now: t) }
            t += Int64.random(in: 1...30_000, using: &rng)
        }
    }

    /// After retention dropped everything, the encoder still knows the last sample, but the
    /// series holds none: nothing may come back.
    @Test func droppedLastSampleIsNotReturned() {
        let store = SeriesStore(options: .init(retention: 1_000))
        let r = store.getOrCreate(S.labels("m"))
        for k in 0..<130 { store.append(r, Int64(k) * 10, Double(k)) }  // one sealed chunk + a head
        let matcher = [S.matcher(.equal, "__name__", "m")]
        #expect(store.selectLatest(matcher, mint: 0, maxt: 10_000).first?.samples == [Sample(t: 1_290, v: 129)])
        store.compact(now: 100_000)
        #expect(store.samples(of: r) == [])
        #expect(store.selectLatest(matcher, mint: 0, maxt: 10_000).isEmpty)
        Self.check(store, matcher, 0, 10_000)
        // A sealed chunk that ends at the last sample (the head was just sealed) answers too.
        let s = store.getOrCreate(S.labels("n"))
        for k in 0..<120 { store.append(s, 200_000 + Int64(k) * 10, Double(k)) }
        let n = [S.matcher(.equal, "__name__", "n")]
        #expect(store.state.withLock { $0.slots[Int(s.index)].head == nil })
        #expect(store.selectLatest(n, mint: 200_000, maxt: 300_000).first?.samples == [Sample(t: 201_190, v: 119)])
    }
}
