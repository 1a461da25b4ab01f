/// An element of GF(2^255 − 19) in five 51-bit limbs, for X25519. All operations are branch-free on
/// secret data (no data-dependent branches or memory indices); products use 128-bit multiplication.
struct FieldElement25519 {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64

    static let mask51: UInt64 = (1 << 51) - 1
    static let zero = FieldElement25519(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0)
    static let one = FieldElement25519(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0)

    /// Decodes 32 little-endian bytes, ignoring bit 255 (RFC 7748 §5). Non-canonical values are accepted
    /// and reduced, as the RFC requires.
    init(bytes p: UnsafeRawPointer) {
        let w0 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let w3 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        let m = Self.mask51
        l0 = w0 & m
        l1 = (w0 >> 51 | w1 << 13) & m
        l2 = (w1 >> 38 | w2 << 26) & m
        l3 = (w2 >> 25 | w3 << 39) & m
        l4 = (w3 >> 12) & m
    }

    init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4
    }

    /// Canonical 32-byte little-endian encoding (fully reduced mod p).
    func encoded() -> [UInt8] {
        let m = Self.mask51
        var h0 = l0, h1 = l1, h2 = l2, h3 = l3, h4 = l4
        // Two carry passes bring every limb below 2^51 (value < 2^255 + small).
        for _ in 0..<2 {
            h1 &+= h0 >> 51; h0 &= m
            h2 &+= h1 >> 51; h1 &= m
            h3 &+= h2 >> 51; h2 &= m
            h4 &+= h3 >> 51; h3 &= m
            h0 &+= 19 &* (h4 >> 51); h4 &= m
        }
        // q = 1 exactly when h ≥ p; then h − p = h + 19 − 2^255.
        var q = (h0 &+ 19) >> 51
        q = (h1 &+ q) >> 51
        q = (h2 &+ q) >> 51
        q = (h3 &+ q) >> 51
        q = (h4 &+ q) >> 51
        h0 &+= 19 &* q
        h1 &+= h0 >> 51; h0 &= m
        h2 &+= h1 >> 51; h1 &= m
        h3 &+= h2 >> 51; h2 &= m
        h4 &+= h3 >> 51; h3 &= m
        h4 &= m
        let words = [h0 | h1 << 51, h1 >> 13 | h2 << 38, h2 >> 26 | h3 << 25, h3 >> 39 | h4 << 12]
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 { out[i] = UInt8(truncatingIfNeeded: words[i / 8] >> (8 * UInt64(i % 8))) }
        return out
    }

    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        Self(l0: a.l0 &+ b.l0, l1: a.l1 &+ b.l1, l2: a.l2 &+ b.l2, l3: a.l3 &+ b.l3, l4: a.l4 &+ b.l4)
    }

    /// a − b computed as a + 4p − b, then carried; valid for limbs below 2^53.
    @inline(__always)
    static func - (a: Self, b: Self) -> Self {
        let p0: UInt64 = 0x1F_FFFF_FFFF_FFB4 // 4 × (2^51 − 19)
        let pi: UInt64 = 0x1F_FFFF_FFFF_FFFC // 4 × (2^51 − 1)
        return Self(
            l0: a.l0 &+ p0 &- b.l0, l1: a.l1 &+ pi &- b.l1, l2: a.l2 &+ pi &- b.l2,
            l3: a.l3 &+ pi &- b.l3, l4: a.l4 &+ pi &- b.l4
        ).carried()
    }

    @inline(__always)
    func carried() -> Self {
        let m = Self.mask51
        var h0 = l0, h1 = l1, h2 = l2, h3 = l3, h4 = l4
        h1 &+= h0 >> 51; h0 &= m
        h2 &+= h1 >> 51; h1 &= m
        h3 &+= h2 >> 51; h2 &= m
        h4 &+= h3 >> 51; h3 &= m
        h0 &+= 19 &* (h4 >> 51); h4 &= m
        return Self(l0: h0, l1: h1, l2: h2, l3: h3, l4: h4)
    }

    @inline(__always)
    static func wide(_ x: UInt64, _ y: UInt64) -> UInt128 { UInt128(x) &* UInt128(y) }

    /// Reduces five 128-bit column sums to limbs just above 51 bits.
    @inline(__always)
    static func reduce(_ r0: UInt128, _ r1: UInt128, _ r2: UInt128, _ r3: UInt128, _ r4: UInt128) -> Self {
        let m = UInt128(mask51)
        var c1 = r1, c2 = r2, c3 = r3, c4 = r4
        c1 &+= r0 >> 51
        c2 &+= c1 >> 51
        c3 &+= c2 >> 51
        c4 &+= c3 >> 51
        // The top carry times 19 can pass 2^64 for unreduced inputs, so it is folded in 128 bits.
        let folded = (r0 & m) &+ 19 &* (c4 >> 51)
        let h0 = UInt64(truncatingIfNeeded: folded & m)
        let h1 = UInt64(truncatingIfNeeded: (c1 & m) &+ (folded >> 51))
        return Self(
            l0: h0, l1: h1, l2: UInt64(truncatingIfNeeded: c2 & m), l3: UInt64(truncatingIfNeeded: c3 & m),
            l4: UInt64(truncatingIfNeeded: c4 & m))
    }

    static func * (a: Self, b: Self) -> Self {
        let b1 = 19 &* b.l1, b2 = 19 &* b.l2, b3 = 19 &* b.l3, b4 = 19 &* b.l4
        let r0 = wide(a.l0, b.l0) &+ wide(a.l1, b4) &+ wide(a.l2, b3) &+ wide(a.l3, b2) &+ wide(a.l4, b1)
        let r1 = wide(a.l0, b.l1) &+ wide(a.l1, b.l0) &+ wide(a.l2, b4) &+ wide(a.l3, b3) &+ wide(a.l4, b2)
        let r2 = wide(a.l0, b.l2) &+ wide(a.l1, b.l1) &+ wide(a.l2, b.l0) &+ wide(a.l3, b4) &+ wide(a.l4, b3)
        let r3 = wide(a.l0, b.l3) &+ wide(a.l1, b.l2) &+ wide(a.l2, b.l1) &+ wide(a.l3, b.l0) &+ wide(a.l4, b4)
        let r4 = wide(a.l0, b.l4) &+ wide(a.l1, b.l3) &+ wide(a.l2, b.l2) &+ wide(a.l3, b.l1) &+ wide(a.l4, b.l0)
        return reduce(r0, r1, r2, r3, r4)
    }

    func squared() -> Self {
        let d0 = 2 &* l0, d1 = 2 &* l1
        let l3x19 = 19 &* l3, l4x19 = 19 &* l4
        let r0 = Self.wide(l0, l0) &+ Self.wide(d1, l4x19) &+ Self.wide(2 &* l2, l3x19)
        let r1 = Self.wide(d0, l1) &+ Self.wide(2 &* l2, l4x19) &+ Self.wide(l3, l3x19)
        let r2 = Self.wide(d0, l2) &+ Self.wide(l1, l1) &+ Self.wide(2 &* l3, l4x19)
        let r3 = Self.wide(d0, l3) &+ Self.wide(d1, l2) &+ Self.wide(l4, l4x19)
        let r4 = Self.wide(d0, l4) &+ Self.wide(d1, l3) &+ Self.wide(l2, l2)
        return Self.reduce(r0, r1, r2, r3, r4)
    }

    func squared(times n: Int) -> Self {
        var x = self
        for _ in 0..<n { x = x.squared() }
        return x
    }

    /// Multiplies by a small constant (e.g. a24 = 121665).
    func times(_ k: UInt64) -> Self {
        Self.reduce(Self.wide(l0, k), Self.wide(l1, k), Self.wide(l2, k), Self.wide(l3, k), Self.wide(l4, k))
    }

    /// self^(p − 2) = self^−1 (0 maps to 0), by the usual 254-squaring addition chain.
    func inverted() -> Self {
        let z2 = squared()
        let z9 = z2.squared(times: 2) * self
        let z11 = z9 * z2
        let z2_5_0 = z11.squared() * z9
        let z2_10_0 = z2_5_0.squared(times: 5) * z2_5_0
        let z2_20_0 = z2_10_0.squared(times: 10) * z2_10_0
        let z2_40_0 = z2_20_0.squared(times: 20) * z2_20_0
        let z2_50_0 = z2_40_0.squared(times: 10) * z2_10_0
        let z2_100_0 = z2_50_0.squared(times: 50) * z2_50_0
        let z2_200_0 = z2_100_0.squared(times: 100) * z2_100_0
        let z2_250_0 = z2_200_0.squared(times: 50) * z2_50_0
        return z2_250_0.squared(times: 5) * z11
    }

    /// Swaps `a` and `b` when `bit` is 1, without branching.
    @inline(__always)
    static func conditionalSwap(_ a: inout Self, _ b: inout Self, bit: UInt64) {
        let mask = 0 &- bit
        var t = mask & (a.l0 ^ b.l0); a.l0 ^= t; b.l0 ^= t
        t = mask & (a.l1 ^ b.l1); a.l1 ^= t; b.l1 ^= t
        t = mask & (a.l2 ^ b.l2); a.l2 ^= t; b.l2 ^= t
        t = mask & (a.l3 ^ b.l3); a.l3 ^= t; b.l3 ^= t
        t = mask & (a.l4 ^ b.l4); a.l4 ^= t; b.l4 ^= t
    }
}
