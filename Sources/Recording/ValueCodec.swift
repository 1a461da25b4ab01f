import TimeSeries

/// Encodes one sample's value against its series' previous value (see `RecordFormat`): a
/// repeat, the staleness marker, an integer delta or the XOR'd bits, whichever is shortest.
/// Works on raw bits, so every NaN payload round-trips exactly.
enum ValueCodec {
    static let same: UInt8 = 0
    static let stale: UInt8 = 1
    static let integerDelta: UInt8 = 2
    static let xorBase: UInt8 = 3
    static let timeFlag: UInt8 = 0x80

    /// Writes the tag (with the time flag when `timeDelta` is not 0), the time delta, then the
    /// value; returns the previous value for the next sample of the series.
    @inline(__always)
    static func encode(_ bits: UInt64, previous: UInt64, timeDelta: Int64, into w: inout ByteWriter) -> UInt64 {
        let flag: UInt8 = timeDelta != 0 ? timeFlag : 0
        if bits == StaleNaN.bits {
            w.byte(stale | flag)
            if flag != 0 { w.varint(timeDelta) }
            return previous
        }
        let x = bits ^ previous
        if x == 0 {
            w.byte(same | flag)
            if flag != 0 { w.varint(timeDelta) }
            return bits
        }
        let lead = min(7, x.leadingZeroBitCount / 8)
        let trail = min(7 - lead, x.trailingZeroBitCount / 8)
        let middle = 8 - lead - trail
        if let a = integer(previous), let b = integer(bits) {
            let delta = ZigZag.encode(b - a)
            if ByteWriter.uvarintSize(delta) < middle {
                w.byte(integerDelta | flag)
                if flag != 0 { w.varint(timeDelta) }
                w.uvarint(delta)
                return bits
            }
        }
        w.byte((xorBase + UInt8(lead * 8 + trail)) | flag)
        if flag != 0 { w.varint(timeDelta) }
        for i in 0..<middle {
            w.byte(UInt8(truncatingIfNeeded: x >> UInt64(8 * (7 - lead - i))))
        }
        return bits
    }

    /// Reads the value for a tag whose time delta (if any) was already read; returns the value's
    /// bits and the series' new previous value.
    @inline(__always)
    static func decode(tag: UInt8, previous: UInt64, from r: inout ByteReader) throws(RecordingError) -> (bits: UInt64, previous: UInt64) {
        let code = tag & ~timeFlag
        switch code {
        case same:
            return (previous, previous)
        case stale:
            return (StaleNaN.bits, previous)
        case integerDelta:
            let at = r.position
            let delta = ZigZag.decode(try r.uvarint())
            guard let a = integer(previous) else { throw r.error("integer delta after a value that is not an integer", at: at) }
            let (sum, overflow) = a.addingReportingOverflow(delta)
            guard !overflow, sum.magnitude <= maxExact else { throw r.error("integer delta leaves the exact range of a float", at: at) }
            let bits = Double(sum).bitPattern
            return (bits, bits)
        default:
            let k = Int(code - xorBase)
            let lead = k / 8, trail = k % 8
            guard lead + trail <= 7 else { throw r.error("unknown value tag \(tag)", at: r.position - 1) }
            var x: UInt64 = 0
            for b in try r.take(8 - lead - trail) { x = x << 8 | UInt64(b) }
            x <<= UInt64(8 * trail)
            let bits = previous ^ x
            return (bits, bits)
        }
    }

    /// 2^53: integers up to this magnitude are exact as doubles.
    static let maxExact: UInt64 = 1 << 53

    /// The value as an integer when it is one exactly (not -0.0, not beyond 2^53).
    @inline(__always)
    static func integer(_ bits: UInt64) -> Int64? {
        let d = Double(bitPattern: bits)
        guard d.isFinite, d.magnitude <= Double(maxExact), d == d.rounded(.towardZero) else { return nil }
        let i = Int64(d)
        return Double(i).bitPattern == bits ? i : nil
    }
}
