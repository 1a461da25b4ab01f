import Testing
@testable import TimeSeries

@Suite struct ChunkCodecTests {
    /// Encodes with `ChunkEncoder` into a scratch buffer, returning the bytes.
    static func encode(_ samples: [Sample]) -> [UInt8] {
        let capacity = samples.count * ChunkEncoder.maxSampleBytes + 16
        let p = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { p.deallocate() }
        p.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
        var e = ChunkEncoder()
        for s in samples { _ = e.append(t: s.t, bits: s.v.bitPattern, to: p) }
        return Array(UnsafeRawBufferPointer(start: p, count: e.byteCount))
    }

    static func roundTrip(_ samples: [Sample]) -> [Sample] {
        ChunkDecoder.decode(encode(samples), count: samples.count)
    }

    static func sameBits(_ a: [Sample], _ b: [Sample]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.t == $1.t && $0.v.bitPattern == $1.v.bitPattern }
    }

    @Test(arguments: [
        [Double.nan, StaleNaN.value, 1, StaleNaN.value, StaleNaN.value, -Double.nan],
        [Double.infinity, -Double.infinity, 0, -0.0, 0, -0.0],
        [Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, .ulpOfOne, -1e300],
        [1, 1, 1, 1, 2, 2, 2],
        [Double(bitPattern: 1), Double(bitPattern: UInt64.max), Double(bitPattern: 1 << 63), 0],
    ])
    func specialValuesKeepTheirBits(values: [Double]) {
        let samples = values.enumerated().map { Sample(t: Int64($0.offset) * 15_000, v: $0.element) }
        let back = Self.roundTrip(samples)
        #expect(Self.sameBits(back, samples))
        #expect(back.contains { StaleNaN.isStale($0.v) } == values.contains { StaleNaN.isStale($0) })
    }

    @Test(arguments: [
        [Int64.min, 0, Int64.max],
        [Int64.max - 2, Int64.max - 1, Int64.max],
        [Int64.min, Int64.min + 1, Int64.min + 3],
        [0, -1_000, 5, -7, 1 << 40, -(1 << 40)],  // negative deltas: the encoder itself accepts any order
        [1_700_000_000_000, 1_700_000_000_031, 1_700_000_000_063, 1_700_000_004_159, 1_700_000_528_447, 1_700_001_000_000],
    ])
    func extremeTimestamps(ts: [Int64]) {
        let samples = ts.map { Sample(t: $0, v: 1.5) }
        #expect(Self.sameBits(Self.roundTrip(samples), samples))
    }

    /// Delta-of-delta values right at each bucket edge.
    @Test(arguments: [Int64(0), 1, -1, 7, -8, 8, -9, 127, -128, 128, -129, 8191, -8192, 8192, -8193,
                      524_287, -524_288, 524_288, -524_289, .max, .min])
    func dodBucketEdges(dod: Int64) {
        var ts: [Int64] = [1_000, 16_000]
        for _ in 0..<4 { ts.append(ts.last! &+ (ts.last! &- ts[ts.count - 2]) &+ dod) }
        let samples = ts.map { Sample(t: $0, v: 0) }
        #expect(Self.sameBits(Self.roundTrip(samples), samples))
    }

    @Test(arguments: [UInt64(1), 2, 3, 2024])
    func randomChunks(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            var t = Int64.random(in: -1 << 50...1 << 50, using: &rng)
            var v = Double.random(in: -1e6...1e6, using: &rng)
            var samples: [Sample] = []
            for _ in 0..<Int.random(in: 1...300, using: &rng) {
                samples.append(Sample(t: t, v: v))
                t &+= Int64.random(in: 1...100_000, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: break
                case 1: v += Double(Int.random(in: 0...1000, using: &rng))
                case 2: v = Double(bitPattern: rng.next())
                case 3: v = Double.random(in: -1...1, using: &rng)
                default: v *= -1
                }
            }
            #expect(Self.sameBits(Self.roundTrip(samples), samples))
        }
    }

    @Test func windowFilteringAndTruncation() {
        let samples = (0..<100).map { Sample(t: Int64($0) * 1000, v: Double($0)) }
        let bytes = Self.encode(samples)
        var window: [Sample] = []
        bytes.withUnsafeBytes { _ = ChunkDecoder.decode($0, count: 100, mint: 10_000, maxt: 20_000, into: &window) }
        #expect(window == Array(samples[10...20]))
        // A truncated stream yields a prefix, never a trap.
        var partial: [Sample] = []
        let ok = Array(bytes.prefix(bytes.count / 2)).withUnsafeBytes {
            ChunkDecoder.decode($0, count: 100, into: &partial)
        }
        #expect(!ok)
        #expect(partial == Array(samples.prefix(partial.count)))
        // Garbage decodes to something or stops, but does not crash.
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let junk = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var out: [Sample] = []
            junk.withUnsafeBytes { _ = ChunkDecoder.decode($0, count: 120, into: &out) }
        }
    }

    /// Regular 15s scrapes with a few ms of jitter cost under a byte of timestamp a sample.
    @Test func jitteredTimestampsStayCompact() {
        var rng = SeededGenerator(seed: 9)
        let samples = (0..<120).map { i in
            Sample(t: 1_700_000_000_000 + Int64(i) * 15_000 + Int64.random(in: 0...4, using: &rng), v: 1)
        }
        let bytes = Self.encode(samples)
        #expect(bytes.count < 8 + 10 + 120 * 8 / 8)
        #expect(Self.sameBits(ChunkDecoder.decode(bytes, count: 120), samples))
    }
}
