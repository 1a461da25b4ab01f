import Testing
@testable import TimeSeries

/// The value modes of `ChunkEncoder`: decimal (integers and short decimals), bit-delta and XOR,
/// the escapes between them, and the store sealing a chunk when values stop fitting its mode.
@Suite struct ChunkModeTests {
    typealias C = ChunkCodecTests

    /// Encodes consecutive chunks of `perChunk` samples with one encoder (so mode hints carry
    /// over), honouring the encoder's request to seal early; returns each chunk's bytes, count, mode.
    static func encodeChunks(_ samples: [Sample], perChunk: Int = 120) -> [(bytes: [UInt8], count: Int, mode: UInt8)] {
        let capacity = perChunk * ChunkEncoder.maxSampleBytes + 16
        let p = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { p.deallocate() }
        p.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
        var e = ChunkEncoder()
        var out: [(bytes: [UInt8], count: Int, mode: UInt8)] = []
        func flush() {
            out.append((Array(UnsafeRawBufferPointer(start: p, count: e.byteCount)), Int(e.count), e.mode))
            e.resetChunk()
            p.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
        }
        for s in samples {
            let cut = e.append(t: s.t, bits: s.v.bitPattern, to: p)
            if cut || Int(e.count) >= perChunk { flush() }
        }
        if e.count > 0 { flush() }
        return out
    }

    static func roundTrip(_ samples: [Sample], perChunk: Int = 120) -> ([Sample], [UInt8]) {
        var back: [Sample] = []
        var modes: [UInt8] = []
        for c in encodeChunks(samples, perChunk: perChunk) {
            back += ChunkDecoder.decode(c.bytes, count: c.count)
            modes.append(c.mode)
        }
        return (back, modes)
    }

    static func series(_ values: [Double]) -> [Sample] {
        values.enumerated().map { Sample(t: 1_700_000_000_000 + Int64($0.offset) * 15_000, v: $0.element) }
    }

    static let edgeCases: [[Double]] = {
        let third: Double = 0.1 * 3
        let sum: Double = 0.1 + 0.2
        let scaled: Double = 0.001 * 123 / 10
        var cases: [[Double]] = []
        // integers, with a NaN, StaleNaN, -0.0 and infinities in the middle of integer chunks
        cases.append([1, 2, 3, StaleNaN.value, 5, 6])
        cases.append([0, -0.0, 0, 1, -0.0])
        cases.append([10, .infinity, 11, -.infinity, 12])
        cases.append([1, Double.nan, 2, -Double.nan, 3, Double(bitPattern: 0x7ff0_0000_0000_0001)])
        // the 2^53 boundary and huge integers
        cases.append([9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_994, -9_007_199_254_740_991, -9_007_199_254_740_992])
        cases.append([1e300, 1e15, 1e16, 1e22, 1, 2e53, 0])
        cases.append([Double(Int64.max), Double(Int64.min), 0, 1])
        // short decimals, exponent raises, values an ulp off a decimal
        cases.append([12.5, 12.57, 12.575, 13, 0.001, 1e-15, 1e-16])
        cases.append([sum, 0.3, third, 0.7, scaled, 0.0123])
        cases.append([0.5, 123_456_789.123_456, 0.000_000_000_000_001, Double(bitPattern: 1), Double(bitPattern: 1 << 63 | 1), Double(bitPattern: 0x000f_ffff_ffff_ffff)])
        // subnormals, extremes and sign flips
        cases.append([.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .ulpOfOne, -1])
        return cases
    }()

    @Test(arguments: edgeCases)
    func edgeValuesKeepTheirBits(values: [Double]) {
        let samples = Self.series(values)
        let (back, _) = Self.roundTrip(samples)
        #expect(C.sameBits(back, samples))
    }

    @Test func integerSeriesUseDecimalMode() {
        var v = 1_000.0
        var rng = SeededGenerator(seed: 5)
        let samples = Self.series((0..<240).map { _ in
            v += Double(Int.random(in: 300...450, using: &rng))
            return v
        })
        let chunks = Self.encodeChunks(samples)
        #expect(chunks.map(\.mode) == [ChunkEncoder.decimal, ChunkEncoder.decimal])
        // A noisy counter costs far less than XOR's 20-30 bits a value.
        #expect(chunks[1].bytes.count < 120 * 14 / 8)
        #expect(C.sameBits(chunks.flatMap { ChunkDecoder.decode($0.bytes, count: $0.count) }, samples))
    }

    @Test func staleMarkerInIntegerChunkKeepsExactBits() {
        let samples = Self.series([5, 6, 7, StaleNaN.value])
        let chunks = Self.encodeChunks(samples)
        #expect(chunks.count == 1 && chunks[0].mode == ChunkEncoder.decimal)
        let back = ChunkDecoder.decode(chunks[0].bytes, count: 4)
        #expect(back.last.map { $0.v.bitPattern } == StaleNaN.bits)
        #expect(C.sameBits(back, samples))
    }

    /// Values that fit no decimal: after two raw escapes the chunk is cut and XOR takes over;
    /// a smooth float series moves to bit-delta once it measures cheaper.
    @Test func modeSwitches() {
        var values: [Double] = [1, 2, 3]
        var x = 0.0
        for i in 0..<400 {
            x += 0.731 * 15 * Double(50 + (i * 37) % 100) / 100
            values.append(x)
        }
        let samples = Self.series(values)
        let (back, modes) = Self.roundTrip(samples)
        #expect(C.sameBits(back, samples))
        #expect(modes.first == ChunkEncoder.decimal)
        #expect(modes.contains(ChunkEncoder.xor))
        #expect(modes.last == ChunkEncoder.bitsDelta)
        // Alternating decimal and non-decimal values never degenerate into tiny chunks forever.
        let mixedValues: [Double] = (0..<600).map { (i: Int) -> Double in
            let d = Double(i)
            return i % 2 == 0 ? d : d + 1 / 3
        }
        let mixed = Self.series(mixedValues)
        let (mixedBack, mixedModes) = Self.roundTrip(mixed)
        #expect(C.sameBits(mixedBack, mixed))
        #expect(mixedModes.count < 20)
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16])
    func randomMixedSeriesRoundTrip(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<30 {
            var t = Int64.random(in: -1 << 40...1 << 40, using: &rng)
            var v = Double(Int.random(in: -1000...1000, using: &rng))
            var samples: [Sample] = []
            for _ in 0..<Int.random(in: 1...500, using: &rng) {
                samples.append(Sample(t: t, v: v))
                t &+= Int64.random(in: 0...30_000, using: &rng)
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: v = Double(bitPattern: rng.next())
                case 1: v = (v * 100).rounded() / 100 + 0.01
                case 2: v = StaleNaN.value
                case 3: v = -0.0
                case 4: v = Double(Int64.random(in: -(1 << 60)...(1 << 60), using: &rng))
                case 5: v = Double.random(in: -1...1, using: &rng)
                case 6: v += 0.1
                default: v = (v.isFinite ? v : 0) + Double(Int.random(in: -500...500, using: &rng))
                }
            }
            let (back, _) = Self.roundTrip(samples, perChunk: Int.random(in: 1...200, using: &rng))
            #expect(C.sameBits(back, samples))
        }
    }

    @Test func truncatedAndCorruptChunksNeverTrap() {
        var rng = SeededGenerator(seed: 21)
        let values: [Double] = (0..<120).map { (i: Int) -> Double in
            let d = Double(i)
            return i % 9 == 0 ? 0.1 + d / 7 : d * d
        }
        let samples = Self.series(values)
        for c in Self.encodeChunks(samples) {
            for cut in stride(from: 0, to: c.bytes.count, by: 3) {
                var out: [Sample] = []
                let ok = Array(c.bytes.prefix(cut)).withUnsafeBytes { ChunkDecoder.decode($0, count: c.count, into: &out) }
                #expect(!ok || out.count == c.count)
            }
            for _ in 0..<200 {
                var junk = c.bytes
                junk[Int.random(in: 0..<junk.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
                var out: [Sample] = []
                junk.withUnsafeBytes { _ = ChunkDecoder.decode($0, count: c.count, into: &out) }
            }
        }
    }

    @Test func storeSealsWhenValuesLeaveTheMode() {
        let store = SeriesStore()
        let r = store.getOrCreate(StoreTestSupport.labels("m"))
        let odd: Double = 0.1 + 0.7 / 3
        let third: Double = 1 / 3.0
        let values: [Double] = [1, 2, odd, third, 5, 6, StaleNaN.value, -0.0, 7]
        for (i, v) in values.enumerated() { store.append(r, Int64(i) * 1000, v) }
        let back = store.samples(of: r) ?? []
        #expect(C.sameBits(back, values.enumerated().map { Sample(t: Int64($0.offset) * 1000, v: $0.element) }))
        #expect(store.memoryStats().sealedChunkCount >= 1)
    }

    @Test func decimalScaleIsExact() {
        #expect(DecimalScale.find((0.1 + 0.2).bitPattern, from: 0) == nil)
        #expect(DecimalScale.find((-0.0).bitPattern, from: 0) == nil)
        #expect(DecimalScale.find(StaleNaN.bits, from: 0) == nil)
        #expect(DecimalScale.find(12.57.bitPattern, from: 0)! == (2, 1257))
        #expect(DecimalScale.find(9_007_199_254_740_991.0.bitPattern, from: 0)! == (0, 9_007_199_254_740_991))
        #expect(DecimalScale.find(9_007_199_254_740_992.0.bitPattern, from: 0) == nil)
        let near = DecimalScale.near((0.1 + 0.2).bitPattern, exponent: 1)!
        #expect(near.mantissa == 3 && near.ulps == 1)
    }
}
