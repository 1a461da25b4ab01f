/// Incremental encoder state for one chunk: Gorilla-style timestamps with adaptive Rice-coded
/// delta-of-deltas, and values in one of two modes chosen per chunk.
///
/// Bit stream:
/// - `t0` as a zigzag varint (so a chunk's min time is its first bytes), then one mode byte:
///   `0...15` = decimal mode with that exponent, `0x80` = XOR mode; then the first value:
///   decimal mode → mantissa as a zigzag varint, XOR mode → the 64 raw bits.
/// - second sample: timestamp delta as a zigzag varint; later ones: the zigzag residual of the
///   delta against `TimeModel`'s prediction, Rice-coded (`RiceCode`) with a parameter that
///   follows recent jitter; escape → wide form.
/// - values, bit-delta mode (`0x81`, for smooth floats such as sums): the IEEE bit pattern as an
///   integer through `ValueModel` (wrapping), Rice-coded like decimal residuals (escape: `00` wide).
///   A float chunk tallies what both float codecs would cost; the next one uses the cheaper.
/// - values, XOR mode: `0` same bits; `10` + meaningful bits in the previous window; `11` +
///   5 bits leading zeros + 6 bits significant count (64 as 0) + the bits (Prometheus's scheme).
/// - values, decimal mode: the zigzag residual of the mantissa against `ValueModel`'s
///   prediction, Rice-coded. After the Rice escape a 2-bit tag: `00` wide residual; `01` raw
///   64-bit value that does not fit the mode (NaN, `StaleNaN`, `-0.0`, an odd float), leaving the
///   model untouched; `10` + 4 bits: the exponent grows to that value, then the residual follows;
///   `11` + 4 bits exponent (grown if larger) + wide zigzag ulp offset + residual: a value a few
///   ulps off a decimal (`0.1 + 0.2`), stored as the decimal plus the offset of its bit pattern.
///
/// Values travel as exact bit patterns: decimal mode only takes values it reproduces bit for bit.
/// All timestamp arithmetic wraps, so any Int64 sequence round-trips.
struct ChunkEncoder {
    /// Last appended timestamp and value bits. They survive `resetChunk()`, so the store can keep
    /// ordering and duplicate checks across chunk boundaries.
    var t: Int64 = 0
    var vBits: UInt64 = 0
    var time = TimeModel()
    var bitPosition: UInt32 = 0
    var model = ValueModel()
    var count: UInt16 = 0
    /// XOR mode window; `leading == 0xff` means no window yet.
    var leading: UInt8 = 0xff
    var trailing: UInt8 = 0
    /// This chunk's value mode (`ChunkEncoder.decimal`, `.xor`, `.bitsDelta`).
    var mode: UInt8 = 0
    /// Mode hint for the next chunk: `decimal` = decimal when the first value fits, else XOR;
    /// `xor` = XOR (a decimal chunk was cut short by escapes); `bitsDelta` = decimal when the
    /// first value fits, else bit-delta (the last float chunk measured it cheaper than XOR).
    var nextMode: UInt8 = 0
    /// Raw escapes in this decimal chunk; the second one asks for the chunk to be sealed.
    var escapes: UInt8 = 0
    /// Float chunks: value bits XOR did or would have cost, and what bit-delta did or would have.
    var xorBits: UInt16 = 0
    var deltaBits: UInt16 = 0

    static let decimal: UInt8 = 0
    static let xor: UInt8 = 1
    static let bitsDelta: UInt8 = 2
    static let xorModeByte: UInt64 = 0x80
    static let bitsDeltaModeByte: UInt64 = 0x81

    /// Upper bound on the bytes one sample can take (timestamp escape 90 bits + value escape
    /// with an exponent raise and a wide residual 112 bits), plus the 8-byte write window slack.
    static let maxSampleBytes = 26 + 8 + 6

    /// Bytes the encoded stream occupies so far.
    var byteCount: Int { (Int(bitPosition) + 7) >> 3 }

    /// Starts a new chunk, keeping the last sample for ordering checks.
    mutating func resetChunk() {
        if mode != ChunkEncoder.decimal {
            nextMode = deltaBits < xorBits ? ChunkEncoder.bitsDelta : ChunkEncoder.decimal
        }
        xorBits = 0
        deltaBits = 0
        bitPosition = 0
        count = 0
        leading = 0xff
        trailing = 0
        escapes = 0
    }

    /// Appends one sample at `bitPosition` of `p`; the caller guarantees `maxSampleBytes` of zeroed
    /// space from the current byte on. Returns true when the chunk should be sealed now (values
    /// stopped fitting its mode).
    @inline(__always)
    mutating func append(t newT: Int64, bits newBits: UInt64, to p: UnsafeMutableRawPointer) -> Bool {
        var pos = Int(bitPosition)
        var cut = false
        switch count {
        case 0:
            BitWriter.writeVarint(newT, to: p, at: &pos)
            startValues(newBits, to: p, at: &pos)
        case 1:
            let delta = newT &- t
            BitWriter.writeVarint(delta, to: p, at: &pos)
            cut = writeValue(newBits, to: p, at: &pos)
            time.start(firstDelta: delta)
        default:
            let delta = newT &- t
            let (predicted, k) = time.prediction()
            let u = RiceCode.zigzag(delta &- predicted)
            if !RiceCode.write(u, k: k, to: p, at: &pos) {
                RiceCode.writeEscape(to: p, at: &pos)
                RiceCode.writeWide(u, to: p, at: &pos)
            }
            time.observe(delta)
            cut = writeValue(newBits, to: p, at: &pos)
        }
        t = newT
        vBits = newBits
        count &+= 1
        bitPosition = UInt32(truncatingIfNeeded: pos)
        return cut
    }

    @inline(__always)
    private mutating func startValues(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        if nextMode != ChunkEncoder.xor, let (e, m) = DecimalScale.find(bits, from: 0) {
            mode = ChunkEncoder.decimal
            model.start(m, exponent: e)
            BitWriter.write(UInt64(e), bits: 8, to: p, at: &pos)
            BitWriter.writeVarint(m, to: p, at: &pos)
        } else {
            mode = nextMode == ChunkEncoder.bitsDelta ? ChunkEncoder.bitsDelta : ChunkEncoder.xor
            model.start(Int64(bitPattern: bits), exponent: 0)
            let byte = mode == ChunkEncoder.xor ? ChunkEncoder.xorModeByte : ChunkEncoder.bitsDeltaModeByte
            BitWriter.write(byte, bits: 8, to: p, at: &pos)
            BitWriter.write(bits, bits: 64, to: p, at: &pos)
        }
    }

    @inline(__always)
    private mutating func writeValue(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) -> Bool {
        if mode != ChunkEncoder.decimal {
            writeFloat(bits, to: p, at: &pos)
            return false
        }
        if let m = DecimalScale.mantissa(bits, exponent: Int(model.exponent)) {
            writeResidual(m, to: p, at: &pos)
            return false
        }
        return writeOutlier(bits, to: p, at: &pos)
    }

    @inline(__always)
    private mutating func writeResidual(_ m: Int64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        let (predicted, k) = model.prediction()
        let u = RiceCode.zigzag(m &- predicted)
        if !RiceCode.write(u, k: k, to: p, at: &pos) {
            RiceCode.writeEscape(to: p, at: &pos)
            BitWriter.write(0b00, bits: 2, to: p, at: &pos)
            RiceCode.writeWide(u, to: p, at: &pos)
        }
        model.observe(m, first: count == 1)
    }

    /// A value outside the chunk's current exponent: raise the exponent, store it as a decimal
    /// plus an ulp offset, or store it raw.
    private mutating func writeOutlier(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) -> Bool {
        if let (e, m) = DecimalScale.find(bits, from: Int(model.exponent) + 1), model.rescale(to: e) {
            RiceCode.writeEscape(to: p, at: &pos)
            BitWriter.write(0b10 << 4 | UInt64(e), bits: 6, to: p, at: &pos)
            writeResidual(m, to: p, at: &pos)
            return false
        }
        let current = Int(model.exponent)
        if let (e, m, ulps) = DecimalScale.findNear(bits, from: current), e == current || model.rescale(to: e) {
            RiceCode.writeEscape(to: p, at: &pos)
            BitWriter.write(0b11 << 4 | UInt64(e), bits: 6, to: p, at: &pos)
            RiceCode.writeWide(RiceCode.zigzag(ulps), to: p, at: &pos)
            writeResidual(m, to: p, at: &pos)
            return false
        }
        RiceCode.writeEscape(to: p, at: &pos)
        BitWriter.write(0b01, bits: 2, to: p, at: &pos)
        BitWriter.write(bits, bits: 64, to: p, at: &pos)
        escapes &+= 1
        if escapes >= 2 {
            nextMode = ChunkEncoder.xor
            return true
        }
        return false
    }

    /// Float modes: writes the value with this chunk's codec and tallies what both would cost.
    @inline(__always)
    private mutating func writeFloat(_ newBits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        // Bit-delta side: the bit pattern as an integer through the value model (wrapping).
        let m = Int64(bitPattern: newBits)
        let (predicted, k) = model.prediction()
        let u = RiceCode.zigzag(m &- predicted)
        let q = u >> UInt64(k)
        let deltaCost = q < UInt64(RiceCode.escapeOnes) ? Int(q) + 1 + k : RiceCode.escapeOnes + 8 + max(1, 64 - u.leadingZeroBitCount)
        model.observe(m, first: count == 1)
        // XOR side (the window state is kept in both modes so the tally is exact).
        let x = newBits ^ vBits
        var xorCost = 1
        var window = false
        if x != 0 {
            let lead = UInt8(min(x.leadingZeroBitCount, 31))
            let trail = UInt8(x.trailingZeroBitCount)
            if leading != 0xff && lead >= leading && trail >= trailing {
                xorCost = 2 + 64 - Int(leading) - Int(trailing)
            } else {
                leading = lead
                trailing = trail
                window = true
                xorCost = 13 + 64 - Int(lead) - Int(trail)
            }
        }
        xorBits = ChunkEncoder.tally(xorBits, xorCost)
        deltaBits = ChunkEncoder.tally(deltaBits, deltaCost)
        if mode == ChunkEncoder.bitsDelta {
            if !RiceCode.write(u, k: k, to: p, at: &pos) {
                RiceCode.writeEscape(to: p, at: &pos)
                BitWriter.write(0b00, bits: 2, to: p, at: &pos)
                RiceCode.writeWide(u, to: p, at: &pos)
            }
            return
        }
        if x == 0 {
            BitWriter.write(0, bits: 1, to: p, at: &pos)
        } else if !window {
            let sig = 64 - Int(leading) - Int(trailing)
            BitWriter.write(0b10, bits: 2, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trailing), bits: sig, to: p, at: &pos)
        } else {
            let sig = 64 - Int(leading) - Int(trailing)
            let header = UInt64(0b11) << 11 | UInt64(leading) << 6 | UInt64(sig & 63)
            BitWriter.write(header, bits: 13, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trailing), bits: sig, to: p, at: &pos)
        }
    }

    @inline(__always)
    private static func tally(_ a: UInt16, _ b: Int) -> UInt16 {
        UInt16(min(Int(a) + b, Int(UInt16.max)))
    }
}
