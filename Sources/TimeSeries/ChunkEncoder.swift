/// Incremental encoder state for one chunk: Gorilla-style timestamps with adaptive Rice-coded
/// delta-of-deltas, and values in one of two modes chosen per chunk.
///
/// Bit stream:
/// - `t0` as a zigzag varint (so a chunk's min time is its first bytes), then one mode byte:
///   `0...15` = decimal mode with that exponent, `0x80` = XOR mode; then the first value:
///   decimal mode → mantissa as a zigzag varint, XOR mode → the 64 raw bits.
/// - second sample: timestamp delta as a zigzag varint; later ones: zigzag delta-of-delta,
///   Rice-coded (`RiceCode`) with a parameter that follows recent jitter; escape → wide form.
/// - values, XOR mode: `0` same bits; `10` + meaningful bits in the previous window; `11` +
///   5 bits leading zeros + 6 bits significant count (64 as 0) + the bits (Prometheus's scheme).
/// - values, decimal mode: the zigzag residual of the mantissa against `ValueModel`'s
///   prediction, Rice-coded. After the Rice escape a 2-bit tag: `00` wide residual; `01` raw
///   64-bit value that does not fit the mode (NaN, `StaleNaN`, `-0.0`, an odd float), leaving the
///   model untouched; `10` + 4 bits: the exponent grows to that value, then the residual follows.
///
/// Values travel as exact bit patterns: decimal mode only takes values it reproduces bit for bit.
/// All timestamp arithmetic wraps, so any Int64 sequence round-trips.
struct ChunkEncoder {
    /// Last appended timestamp and value bits. They survive `resetChunk()`, so the store can keep
    /// ordering and duplicate checks across chunk boundaries.
    var t: Int64 = 0
    var vBits: UInt64 = 0
    var tDelta: Int64 = 0
    var model = ValueModel()
    var bitPosition: UInt32 = 0
    var tAcc: UInt32 = 0
    var count: UInt16 = 0
    /// XOR mode window; `leading == 0xff` means no window yet.
    var leading: UInt8 = 0xff
    var trailing: UInt8 = 0
    var xorMode = false
    /// Raw escapes in this decimal chunk; the second one asks for the chunk to be sealed.
    var escapes: UInt8 = 0
    /// Set when a decimal chunk was cut short by escapes: the next chunk uses XOR mode. Cleared
    /// when an XOR chunk ends, so the series gets another chance at decimal mode.
    var preferXOR = false

    static let xorModeByte: UInt64 = 0x80
    static let timeShift: UInt32 = 3

    /// Upper bound on the bytes one sample can take (timestamp escape 90 bits + value escape
    /// with an exponent raise and a wide residual 112 bits), plus the 8-byte write window slack.
    static let maxSampleBytes = 26 + 8 + 6

    /// Bytes the encoded stream occupies so far.
    var byteCount: Int { (Int(bitPosition) + 7) >> 3 }

    /// Starts a new chunk, keeping the last sample for ordering checks.
    mutating func resetChunk() {
        if xorMode { preferXOR = false }
        tDelta = 0
        bitPosition = 0
        count = 0
        tAcc = 0
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
            tDelta = 0
        case 1:
            let delta = newT &- t
            BitWriter.writeVarint(delta, to: p, at: &pos)
            cut = writeValue(newBits, to: p, at: &pos)
            tDelta = delta
        default:
            let delta = newT &- t
            let u = RiceCode.zigzag(delta &- tDelta)
            if !RiceCode.write(u, k: RiceCode.parameter(tAcc, shift: ChunkEncoder.timeShift), to: p, at: &pos) {
                RiceCode.writeEscape(to: p, at: &pos)
                RiceCode.writeWide(u, to: p, at: &pos)
            }
            RiceCode.update(&tAcc, u, shift: ChunkEncoder.timeShift)
            cut = writeValue(newBits, to: p, at: &pos)
            tDelta = delta
        }
        t = newT
        vBits = newBits
        count &+= 1
        bitPosition = UInt32(truncatingIfNeeded: pos)
        return cut
    }

    @inline(__always)
    private mutating func startValues(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        if !preferXOR, let (e, m) = DecimalScale.find(bits, from: 0) {
            xorMode = false
            model.start(m, exponent: e)
            BitWriter.write(UInt64(e), bits: 8, to: p, at: &pos)
            BitWriter.writeVarint(m, to: p, at: &pos)
        } else {
            xorMode = true
            BitWriter.write(ChunkEncoder.xorModeByte, bits: 8, to: p, at: &pos)
            BitWriter.write(bits, bits: 64, to: p, at: &pos)
        }
    }

    @inline(__always)
    private mutating func writeValue(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) -> Bool {
        if xorMode {
            writeXOR(bits, to: p, at: &pos)
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

    /// A value outside the chunk's current exponent: raise the exponent, or store it raw.
    private mutating func writeOutlier(_ bits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) -> Bool {
        if let (e, m) = DecimalScale.find(bits, from: Int(model.exponent) + 1), model.rescale(to: e) {
            RiceCode.writeEscape(to: p, at: &pos)
            BitWriter.write(0b10 << 4 | UInt64(e), bits: 6, to: p, at: &pos)
            writeResidual(m, to: p, at: &pos)
            return false
        }
        RiceCode.writeEscape(to: p, at: &pos)
        BitWriter.write(0b01, bits: 2, to: p, at: &pos)
        BitWriter.write(bits, bits: 64, to: p, at: &pos)
        escapes &+= 1
        if escapes >= 2 {
            preferXOR = true
            return true
        }
        return false
    }

    @inline(__always)
    private mutating func writeXOR(_ newBits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        let x = newBits ^ vBits
        if x == 0 {
            BitWriter.write(0, bits: 1, to: p, at: &pos)
            return
        }
        let lead = UInt8(min(x.leadingZeroBitCount, 31))
        let trail = UInt8(x.trailingZeroBitCount)
        if leading != 0xff && lead >= leading && trail >= trailing {
            let sig = 64 - Int(leading) - Int(trailing)
            BitWriter.write(0b10, bits: 2, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trailing), bits: sig, to: p, at: &pos)
        } else {
            leading = lead
            trailing = trail
            let sig = 64 - Int(lead) - Int(trail)
            let header = UInt64(0b11) << 11 | UInt64(lead) << 6 | UInt64(sig & 63)
            BitWriter.write(header, bits: 13, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trail), bits: sig, to: p, at: &pos)
        }
    }
}
