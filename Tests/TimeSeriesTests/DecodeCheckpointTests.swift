import Testing
@testable import TimeSeries

/// The resumable decoder and the store's per-series decode checkpoints: every window a query
/// asks for must come back exactly as a full decode would give it, whatever was appended,
/// dropped or removed between queries.
@Suite struct DecodeCheckpointTests {
    typealias S = StoreTestSupport
    typealias C = ChunkCodecTests

    /// Values that exercise every chunk mode: decimal counters and gauges, floats (XOR and
    /// bit-delta), stale markers and NaN.
    static func value(_ kind: Int, _ k: Int, _ rng: inout SeededGenerator) -> Double {
        switch kind {
        case 0: return Double(k * 7)
        case 1: return Double(Int.random(in: 0...1000, using: &rng)) / 10
        case 2: return Double.random(in: -1e6...1e6, using: &rng)
        case 3: return k % 17 == 16 ? StaleNaN.value : Double(k % 5)
        default: return k % 29 == 0 ? .nan : 1.5e9 + Double(k) * 0.25
        }
    }

    /// Resuming from the cursor after any skipped sample gives the rest of the chunk exactly.
    @Test(arguments: [UInt64(5), 6, 7])
    func resumingAtEverySkippedSampleMatchesAFullDecode(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for kind in 0..<5 {
            var t = Int64.random(in: 0...1_000_000, using: &rng)
            var samples: [Sample] = []
            for k in 0..<120 {
                samples.append(Sample(t: t, v: Self.value(kind, k, &rng)))
                t += Int64.random(in: 1...30_000, using: &rng)
            }
            let bytes = C.encode(samples)
            bytes.withUnsafeBytes { raw in
                for cut in 1..<samples.count {
                    let mint = samples[cut].t
                    var cursor = ChunkCursor()
                    var skipped: ChunkCursor?
                    var first: [Sample] = []
                    #expect(ChunkDecoder.decode(raw, count: samples.count, mint: mint, maxt: .max, cursor: &cursor,
                                                skipped: &skipped, into: &first))
                    #expect(C.sameBits(first, Array(samples[cut...])))
                    guard var resume = skipped else {
                        Issue.record("no checkpoint before sample \(cut)")
                        return
                    }
                    #expect(resume.index == cut)
                    #expect(resume.t == samples[cut - 1].t)
                    var again: [Sample] = []
                    var none: ChunkCursor?
                    ChunkDecoder.decode(raw, count: samples.count, mint: mint, maxt: .max, cursor: &resume,
                                        skipped: &none, into: &again)
                    #expect(none == nil)
                    #expect(C.sameBits(again, Array(samples[cut...])))
                }
            }
        }
    }

    /// The reference answer: what the store holds for a series in `mint...maxt`.
    static func expected(_ all: [Sample], _ mint: Int64, _ maxt: Int64) -> [Sample] {
        all.filter { $0.t >= mint && $0.t <= maxt }
    }

    /// Sliding windows interleaved with appends (as rule evaluation does), with the odd long
    /// range (copied out, not decoded in place), backwards window and empty window.
    @Test(arguments: [UInt64(1), 2, 3])
    func slidingWindowsWhileAppending(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let store = SeriesStore(options: .init(retention: .max / 4))
        let refs = (0..<5).map { store.getOrCreate(S.labels("m", ["kind": String($0)])) }
        var written: [[Sample]] = Array(repeating: [], count: refs.count)
        let matcher = [S.matcher(.equal, "__name__", "m")]
        var t: Int64 = 0
        for step in 0..<1_500 {
            for (i, r) in refs.enumerated() where Int.random(in: 0..<8, using: &rng) != 0 {
                let v = Self.value(i, step, &rng)
                #expect(store.append(r, t, v) == .appended)
                written[i].append(Sample(t: t, v: v))
            }
            var windows: [(Int64, Int64)] = [(t - 300_000, t), (t - 60_000, t - 30_000)]
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: windows.append((t - 40_000_000, t))  // long: more samples than decoded in place
            case 1: windows.append((t - Int64.random(in: 0...5_000_000, using: &rng), t))
            case 2: windows.append((t + 1, t + 100_000))
            case 3: windows.append((t, t - 1))
            default: break
            }
            for (mint, maxt) in windows {
                let got = store.select(matcher, mint: mint, maxt: maxt)
                let want = written.enumerated().compactMap { i, all -> (String, [Sample])? in
                    let w = Self.expected(all, mint, maxt)
                    return w.isEmpty ? nil : (String(i), w)
                }
                #expect(got.count == want.count)
                for (g, w) in zip(got, want) {
                    #expect(g.labels["kind"] == w.0)
                    #expect(C.sameBits(g.samples, w.1), "window \(mint)...\(maxt) of kind \(w.0) at step \(step)")
                }
            }
            t += Int64.random(in: 1...40_000, using: &rng)
        }
        #expect(store.state.withLock { $0.checkpoints.count } == refs.count)
    }

    /// Retention and the memory budget drop the chunk a checkpoint points into; the window after
    /// it must not read freed memory or lose samples.
    @Test func checkpointChunkDroppedByRetentionAndEviction() {
        let store = SeriesStore(options: .init(retention: 1_200_000, memoryLimit: 8 * 1024))
        let refs = (0..<8).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        var written: [[Sample]] = Array(repeating: [], count: refs.count)
        let matcher = [S.matcher(.equal, "__name__", "m")]
        for k in 0..<3_000 {
            let t = Int64(k) * 1_000
            for (i, r) in refs.enumerated() {
                let v = Double((k * (i + 3)) % 1_000) + (i % 4 == 3 ? 0.123456789 * Double(k) : 0)
                store.append(r, t, v)
                written[i].append(Sample(t: t, v: v))
            }
            if k % 97 == 0 { store.compact(now: t) }
            // A window whose checkpoint sits in a chunk that retention or eviction drops next.
            let mint = t - 200_000
            let got = store.select(matcher, mint: mint, maxt: t)
            for g in got {
                guard let i = Int(g.labels["i"]), let want = store.samples(of: refs[i], mint: mint, maxt: t) else {
                    Issue.record("unknown series \(g.labels)")
                    continue
                }
                #expect(C.sameBits(g.samples, want), "series \(i) at \(t)")
                #expect(want.allSatisfy { s in written[i][Int(s.t / 1_000)].v.bitPattern == s.v.bitPattern })
            }
        }
        #expect(store.memoryStats().evictedChunks > 0)
        #expect(store.memoryStats().sampleCount < 8 * 1_200)
    }

    /// A select over more samples than the in-place budget decodes part of its series in place
    /// and copies the rest out; every series must come back whole either way.
    @Test func selectBeyondTheInPlaceBudget() {
        let store = SeriesStore()
        let series = 300
        let refs = (0..<series).map { store.getOrCreate(S.labels("m", ["i": String($0)])) }
        for k in 0..<400 {
            for (i, r) in refs.enumerated() { store.append(r, Int64(k) * 1_000, Double(k * i)) }
        }
        #expect(series * 400 > StoreState.inPlaceSelectBudget)
        let got = store.select([S.matcher(.equal, "__name__", "m")], mint: 0, maxt: 400_000)
        #expect(got.count == series)
        for g in got {
            guard let i = Int(g.labels["i"]) else { continue }
            #expect(g.samples.count == 400)
            #expect(g.samples.enumerated().allSatisfy { k, s in s.t == Int64(k) * 1_000 && s.v == Double(k * i) })
        }
        let checkpoints = store.state.withLock { $0.checkpoints.count }
        #expect(checkpoints == 0)  // windows from the first sample skip nothing
        _ = store.select([S.matcher(.equal, "__name__", "m")], mint: 150_000, maxt: 400_000)
        let after = store.state.withLock { $0.checkpoints.count }
        #expect(after > 0 && after < series)
    }

    /// A removed series' slot is reused by a new one; the old checkpoint must not apply to it.
    @Test func reusedSlotIgnoresTheOldCheckpoint() {
        let store = SeriesStore(options: .init(retention: 10_000))
        let old = store.getOrCreate(S.labels("old"))
        for k in 0..<200 { store.append(old, Int64(k) * 100, Double(k)) }
        _ = store.select([S.matcher(.equal, "__name__", "old")], mint: 15_000, maxt: 19_900)
        #expect(store.state.withLock { $0.checkpoints.count } == 1)
        store.compact(now: 1_000_000)
        store.compact(now: 1_000_000)
        #expect(store.seriesCount == 0)
        #expect(store.state.withLock { $0.checkpoints.isEmpty })
        let new = store.getOrCreate(S.labels("new"))
        #expect(new.index == old.index)
        for k in 0..<200 { store.append(new, 1_000_000 + Int64(k) * 100, Double(-k)) }
        let got = store.select([S.matcher(.equal, "__name__", "new")], mint: 1_015_000, maxt: 1_019_900)
        #expect(got.first?.samples.map(\.v) == (150..<200).map { Double(-$0) })
    }

    /// A checkpoint taken in the head stays right after the head is sealed and a new one starts.
    @Test func headCheckpointSurvivesSealing() {
        let store = SeriesStore()
        let r = store.getOrCreate(S.labels("m"))
        let matcher = [S.matcher(.equal, "__name__", "m")]
        for k in 0..<400 {
            store.append(r, Int64(k) * 1_000, Double(k % 13))
            let mint = Int64(k - 10) * 1_000
            let got = store.select(matcher, mint: mint, maxt: Int64(k) * 1_000)
            #expect(got.first?.samples.map(\.t) == (max(0, k - 10)...k).map { Int64($0) * 1_000 })
        }
        let sealed = store.state.withLock { s in s.checkpoints.values.first?.sealed != nil }
        let atSample = store.state.withLock { s in s.checkpoints.values.first?.cursor.index ?? -1 }
        // Sample 389 is the 29th of the fourth chunk (360...479, the head).
        #expect(!sealed)
        #expect(atSample == 29)
    }
}
