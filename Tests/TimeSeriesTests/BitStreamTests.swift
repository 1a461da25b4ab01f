import Testing
@testable import TimeSeries

@Suite struct BitStreamTests {
    static let edgeValues: [UInt64] = [
        0, 1, 2, 0x7f, 0x80, 0xff, 0x5555_5555_5555_5555, 0xaaaa_aaaa_aaaa_aaaa,
        UInt64.max, UInt64.max >> 1, 1 << 63, StaleNaN.bits, Double.nan.bitPattern,
        Double.infinity.bitPattern, (-Double.infinity).bitPattern, (-0.0).bitPattern,
    ]

    /// Every width 0...64, written at every bit offset 0...7, for each edge value.
    @Test(arguments: edgeValues)
    func everyWidthAndOffset(value: UInt64) {
        for width in 0...64 {
            for offset in 0..<8 {
                var w = BitWriter()
                w.write(0, bits: offset)
                w.write(value, bits: width)
                w.write(0b101, bits: 3)
                let bytes = w.bytes
                bytes.withUnsafeBytes { raw in
                    var r = BitReader(raw)
                    #expect(r.read(bits: offset) == 0)
                    let expected = width == 64 ? value : value & ((1 << UInt64(width)) - 1)
                    #expect(r.read(bits: width) == expected, "width \(width) offset \(offset)")
                    #expect(r.read(bits: 3) == 0b101)
                }
            }
        }
    }

    @Test func randomFieldSequenceRoundTrips() {
        var rng = SeededGenerator(seed: 42)
        var fields: [(UInt64, Int)] = []
        var w = BitWriter()
        for _ in 0..<5_000 {
            let width = Int.random(in: 0...64, using: &rng)
            let v = rng.next() & (width == 64 ? UInt64.max : (1 << UInt64(width)) - 1)
            fields.append((v, width))
            w.write(v, bits: width)
        }
        let bytes = w.bytes
        #expect(bytes.count == (w.bitCount + 7) / 8)
        bytes.withUnsafeBytes { raw in
            var r = BitReader(raw)
            for (v, width) in fields { #expect(r.read(bits: width) == v) }
            #expect(r.bitsRemaining < 8)
        }
    }

    @Test(arguments: [
        Int64(0), 1, -1, 63, -64, 64, -65, 300, -300, Int64.max, Int64.min, 1_700_000_000_000, -1_700_000_000_000,
    ])
    func varintRoundTrips(value: Int64) {
        var w = BitWriter()
        w.write(1, bits: 3)  // unaligned on purpose
        w.writeVarint(value)
        w.bytes.withUnsafeBytes { raw in
            var r = BitReader(raw)
            _ = r.read(bits: 3)
            #expect(r.readVarint() == value)
        }
    }

    @Test func singleBits() {
        var w = BitWriter()
        let pattern = [true, false, true, true, false, false, false, true, true]
        for b in pattern { w.writeBit(b) }
        #expect(w.bytes == [0b1011_0001, 0b1000_0000])
        w.bytes.withUnsafeBytes { raw in
            var r = BitReader(raw)
            for b in pattern { #expect(r.readBit() == b) }
        }
    }

    @Test func readingPastTheEndFailsWithoutTrapping() {
        let bytes: [UInt8] = [0xff, 0x01]
        bytes.withUnsafeBytes { raw in
            var r = BitReader(raw)
            #expect(r.read(bits: 17) == nil)
            #expect(r.read(bits: 16) == 0xff01)
            #expect(r.readBit() == nil)
            #expect(r.read(bits: 1) == nil)
            #expect(r.read(bits: 65) == nil)
            #expect(r.readVarint() == nil)
        }
        let overlong = [UInt8](repeating: 0xff, count: 12)
        overlong.withUnsafeBytes { raw in
            var r = BitReader(raw)
            #expect(r.readVarint() == nil)
        }
    }
}
