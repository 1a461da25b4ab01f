/// GHASH, the GF(2^128) universal hash of GCM (NIST SP 800-38D §6.4), constant time.
///
/// Multiplication uses no tables: carry-less 64 × 64 products are built from ordinary integer multiplies
/// on operands split into four interleaved bit classes with three-bit holes, so carries never reach a bit
/// of the same class (the "ctmul64" technique described by Thomas Pornin for BearSSL). The high halves
/// come from the same routine on bit-reversed inputs, the 128 × 128 product from Karatsuba, and the
/// reduction modulo x^128 + x^7 + x^2 + x + 1 from shifts, all in GCM's bit-reflected order.
struct GHash {
    private let h0, h1, h2, h0r, h1r, h2r: UInt64
    /// Accumulator: y1 = first 8 bytes (big-endian), y0 = last 8.
    private var y0: UInt64 = 0, y1: UInt64 = 0

    /// `h` is the hash subkey E_K(0^128), as two big-endian words (first 8 bytes, last 8 bytes).
    init(hHigh: UInt64, hLow: UInt64) {
        h1 = hHigh
        h0 = hLow
        h0r = Self.reverse(h0)
        h1r = Self.reverse(h1)
        h2 = h0 ^ h1
        h2r = h0r ^ h1r
    }

    @inline(__always)
    static func reverse(_ x: UInt64) -> UInt64 {
        var v = x
        v = ((v & 0x5555_5555_5555_5555) << 1) | ((v >> 1) & 0x5555_5555_5555_5555)
        v = ((v & 0x3333_3333_3333_3333) << 2) | ((v >> 2) & 0x3333_3333_3333_3333)
        v = ((v & 0x0f0f_0f0f_0f0f_0f0f) << 4) | ((v >> 4) & 0x0f0f_0f0f_0f0f_0f0f)
        return v.byteSwapped
    }

    /// Low 64 bits of the carry-less product of `x` and `y`.
    @inline(__always)
    static func clmulLow(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let m0: UInt64 = 0x1111_1111_1111_1111, m1: UInt64 = 0x2222_2222_2222_2222
        let m2: UInt64 = 0x4444_4444_4444_4444, m3: UInt64 = 0x8888_8888_8888_8888
        let x0 = x & m0, x1 = x & m1, x2 = x & m2, x3 = x & m3
        let y0 = y & m0, y1 = y & m1, y2 = y & m2, y3 = y & m3
        let z0 = (x0 &* y0) ^ (x1 &* y3) ^ (x2 &* y2) ^ (x3 &* y1)
        let z1 = (x0 &* y1) ^ (x1 &* y0) ^ (x2 &* y3) ^ (x3 &* y2)
        let z2 = (x0 &* y2) ^ (x1 &* y1) ^ (x2 &* y0) ^ (x3 &* y3)
        let z3 = (x0 &* y3) ^ (x1 &* y2) ^ (x2 &* y1) ^ (x3 &* y0)
        return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3)
    }

    /// Absorbs `count` bytes; a final partial block is zero-padded (GCM pads A and C separately).
    mutating func update(_ p: UnsafeRawPointer, count: Int) {
        var offset = 0
        while offset < count {
            let n = min(16, count - offset)
            if n == 16 {
                absorb(UInt64(bigEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                       UInt64(bigEndian: p.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            } else {
                var hi: UInt64 = 0, lo: UInt64 = 0
                for i in 0..<n {
                    let byte = UInt64(p.load(fromByteOffset: offset + i, as: UInt8.self))
                    if i < 8 { hi |= byte << (56 - 8 * UInt64(i)) } else { lo |= byte << (56 - 8 * UInt64(i - 8)) }
                }
                absorb(hi, lo)
            }
            offset += n
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { if let base = $0.baseAddress { update(base, count: $0.count) } }
    }

    /// Y = (Y ⊕ block) · H.
    @inline(__always)
    mutating func absorb(_ high: UInt64, _ low: UInt64) {
        let a1 = y1 ^ high, a0 = y0 ^ low
        let a0r = Self.reverse(a0), a1r = Self.reverse(a1)
        let a2 = a0 ^ a1, a2r = a0r ^ a1r
        let z0 = Self.clmulLow(a0, h0)
        let z1 = Self.clmulLow(a1, h1)
        var z2 = Self.clmulLow(a2, h2)
        var z0h = Self.clmulLow(a0r, h0r)
        var z1h = Self.clmulLow(a1r, h1r)
        var z2h = Self.clmulLow(a2r, h2r)
        z2 ^= z0 ^ z1
        z2h ^= z0h ^ z1h
        z0h = Self.reverse(z0h) >> 1
        z1h = Self.reverse(z1h) >> 1
        z2h = Self.reverse(z2h) >> 1
        // 256-bit product v3:v2:v1:v0, then shifted left by one for the reflected convention.
        var v0 = z0, v1 = z0h ^ z2, v2 = z1 ^ z2h, v3 = z1h
        v3 = (v3 << 1) | (v2 >> 63)
        v2 = (v2 << 1) | (v1 >> 63)
        v1 = (v1 << 1) | (v0 >> 63)
        v0 = v0 << 1
        // Reduce modulo x^128 + x^7 + x^2 + x + 1.
        v2 ^= v0 ^ (v0 >> 1) ^ (v0 >> 2) ^ (v0 >> 7)
        v1 ^= (v0 << 63) ^ (v0 << 62) ^ (v0 << 57)
        v3 ^= v1 ^ (v1 >> 1) ^ (v1 >> 2) ^ (v1 >> 7)
        v2 ^= (v1 << 63) ^ (v1 << 62) ^ (v1 << 57)
        y0 = v2
        y1 = v3
    }

    /// The current value (first word, second word), big-endian order.
    var value: (UInt64, UInt64) { (y1, y0) }
}
