import Testing
import TimeSeries
@testable import Recording

/// The per-sample value encoding: every bit pattern round-trips, including NaN payloads and
/// staleness markers, and common series stay short.
@Suite struct ValueCodecTests {
    static let specials: [UInt64] = [
        0, (-0.0).bitPattern, Double(1.0).bitPattern, (-1.0).bitPattern, StaleNaN.bits, Double.nan.bitPattern,
        0x7FF8_0000_0000_0001, 0xFFF8_0000_0000_0000, 0x7FF0_0000_0000_0001, Double.infinity.bitPattern,
        (-Double.infinity).bitPattern, Double.leastNonzeroMagnitude.bitPattern, Double.greatestFiniteMagnitude.bitPattern,
        Double(9_007_199_254_740_992.0).bitPattern, Double(9_007_199_254_740_994.0).bitPattern, (-9_007_199_254_740_992.0).bitPattern,
        Double(0.1).bitPattern, Double(1e300).bitPattern, UInt64.max, 1 << 63, 1,
    ]

    func roundTrip(_ values: [UInt64], times: [Int64]? = nil) throws -> Int {
        var w = ByteWriter()
        var prev: UInt64 = 0
        var prevT: Int64 = 0
        for (i, v) in values.enumerated() {
            let t = times?[i] ?? prevT
            prev = ValueCodec.encode(v, previous: prev, timeDelta: t &- prevT, into: &w)
            prevT = t
        }
        var r = ByteReader(w.bytes, base: 0, file: "test")
        prev = 0
        prevT = 0
        for (i, v) in values.enumerated() {
            let tag = try r.byte()
            var t = prevT
            if tag & ValueCodec.timeFlag != 0 { t = prevT &+ (try r.varint()) }
            let (bits, next) = try ValueCodec.decode(tag: tag, previous: prev, from: &r)
            #expect(bits == v, "value \(i): \(String(v, radix: 16)) came back as \(String(bits, radix: 16))")
            #expect(t == (times?[i] ?? prevT))
            prev = next
            prevT = t
        }
        #expect(r.atEnd)
        return w.count
    }

    @Test func everyPairOfSpecials() throws {
        for a in Self.specials {
            for b in Self.specials {
                _ = try roundTrip([a, b, a, a, StaleNaN.bits, b])
            }
        }
    }

    @Test func randomBitsAndTimes() throws {
        var rng = SplitMix(seed: 42)
        var values: [UInt64] = []
        var times: [Int64] = []
        for i in 0..<5000 {
            switch i % 4 {
            case 0: values.append(rng.next())
            case 1: values.append(Double(Int64(bitPattern: rng.next()) % 1_000_000).bitPattern)
            case 2: values.append(StaleNaN.bits)
            default: values.append(values.last ?? 0)
            }
            times.append(Int64(bitPattern: rng.next()) >> UInt64(rng.next() % 64))
        }
        _ = try roundTrip(values, times: times)
    }

    /// A steady counter costs two bytes a sample with no time change; a constant gauge one.
    @Test func commonSeriesAreShort() throws {
        let counter = (0..<100).map { Double(1000 + 5 * $0).bitPattern }
        #expect(try roundTrip(counter) <= 100 * 2 + 2)
        let constant = [UInt64](repeating: Double(0.25).bitPattern, count: 100)
        #expect(try roundTrip(constant) <= 100 + 8)
    }

    @Test func integerDeltaAfterNonIntegerIsAnError() {
        var r = ByteReader([ValueCodec.integerDelta, 2], base: 100, file: "f")
        #expect(throws: RecordingError.self) {
            let tag = try r.byte()
            _ = try ValueCodec.decode(tag: tag, previous: Double(0.5).bitPattern, from: &r)
        }
    }

    @Test func unknownTagsAreErrors() {
        for tag in UInt8(60)...UInt8(127) {
            var r = ByteReader([tag, 0, 0, 0, 0, 0, 0, 0, 0], base: 0, file: "f")
            #expect(throws: RecordingError.self) {
                _ = try ValueCodec.decode(tag: try r.byte(), previous: 0, from: &r)
            }
        }
    }
}

/// A small deterministic generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
