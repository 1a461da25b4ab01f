/// Adaptive Golomb–Rice coding of unsigned integers, the residual code of the sample chunks.
///
/// `u` is written as `q = u >> k` one-bits, a zero, then the `k` low bits of `u`. A quotient of
/// `escapeOnes` or more is written as exactly `escapeOnes` one-bits (no zero) followed by an
/// escape body the caller defines; `writeWide`/`readWide` give the common one (6-bit width − 1,
/// then the significant bits).
///
/// The parameter `k` follows a running magnitude `acc` (about `2^shift` times the mean of recent
/// values), so a series whose residuals are a few units costs a few bits and one whose residuals
/// are thousands costs a dozen, without a per-chunk parameter search.
enum RiceCode {
    static let escapeOnes = 20

    /// The Rice parameter for a running magnitude: roughly log2 of the mean.
    @inline(__always)
    static func parameter(_ acc: UInt32, shift: UInt32) -> Int {
        let mean = acc >> shift
        return mean == 0 ? 0 : 31 - mean.leadingZeroBitCount
    }

    @inline(__always)
    static func parameter(_ acc: UInt64, shift: UInt64) -> Int {
        let mean = acc >> shift
        return mean == 0 ? 0 : min(56, 63 - mean.leadingZeroBitCount)
    }

    /// Moves a 64-bit `acc` toward `u` with weight `2^-shift`, saturating.
    @inline(__always)
    static func update(_ acc: inout UInt64, _ u: UInt64, shift: UInt64) {
        let (sum, overflow) = (acc - (acc >> shift)).addingReportingOverflow(min(u, UInt64.max >> 8))
        acc = overflow ? UInt64.max : sum
    }

    /// Moves `acc` toward `u` with weight `2^-shift`, saturating.
    @inline(__always)
    static func update(_ acc: inout UInt32, _ u: UInt64, shift: UInt32) {
        let capped = UInt32(truncatingIfNeeded: min(u, UInt64(UInt32.max >> 1)))
        let (sum, overflow) = (acc - (acc >> shift)).addingReportingOverflow(capped)
        acc = overflow ? UInt32.max : sum
    }

    /// Writes `u` with parameter `k`; returns false (writing nothing) when the quotient needs
    /// the escape, which the caller then writes.
    @inline(__always)
    static func write(_ u: UInt64, k: Int, to p: UnsafeMutableRawPointer, at pos: inout Int) -> Bool {
        let q = u >> UInt64(k)
        guard q < UInt64(escapeOnes) else { return false }
        // q ones then a zero: (2^(q+1) - 2) in q+1 bits.
        BitWriter.write((1 << (q + 1)) &- 2, bits: Int(q) + 1, to: p, at: &pos)
        BitWriter.write(u, bits: k, to: p, at: &pos)
        return true
    }

    /// The escape prefix: `escapeOnes` one-bits.
    @inline(__always)
    static func writeEscape(to p: UnsafeMutableRawPointer, at pos: inout Int) {
        BitWriter.write((1 << UInt64(escapeOnes)) &- 1, bits: escapeOnes, to: p, at: &pos)
    }

    /// A value of any size: 6 bits of (bit width − 1), then the bits (at least one).
    @inline(__always)
    static func writeWide(_ u: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        let n = max(1, 64 - u.leadingZeroBitCount)
        BitWriter.write(UInt64(n - 1), bits: 6, to: p, at: &pos)
        BitWriter.write(u, bits: n, to: p, at: &pos)
    }

    /// Reads a Rice code; `.escape` when the escape prefix was read (its body follows).
    @inline(__always)
    static func read(_ r: inout BitReader, k: Int) -> RiceRead {
        guard let q = r.readOnes(max: escapeOnes) else { return .truncated }
        if q == escapeOnes { return .escape }
        guard let low = r.read(bits: k) else { return .truncated }
        return .value(UInt64(q) << UInt64(k) | low)
    }

    @inline(__always)
    static func readWide(_ r: inout BitReader) -> UInt64? {
        guard let n = r.read(bits: 6) else { return nil }
        return r.read(bits: Int(n) + 1)
    }

    @inline(__always)
    static func zigzag(_ x: Int64) -> UInt64 { UInt64(bitPattern: (x << 1) ^ (x >> 63)) }

    @inline(__always)
    static func unzigzag(_ u: UInt64) -> Int64 { Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }
}

/// What `RiceCode.read` found.
enum RiceRead {
    case value(UInt64)
    case escape
    case truncated
}
