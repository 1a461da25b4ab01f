/// Arithmetic modulo an odd multi-limb modulus in Montgomery form (CIOS multiplication), sized for the
/// P-256 and P-384 field and group orders. Used only on public data (signature verification), so it is
/// written for clarity and bounded work, not constant time. Elements are little-endian `UInt64` limbs,
/// always fully reduced.
struct MontgomeryField: Sendable {
    let modulus: [UInt64]
    let limbCount: Int
    /// −modulus⁻¹ mod 2^64.
    private let n0inv: UInt64
    /// R² mod m, with R = 2^(64·limbCount).
    private let rSquared: [UInt64]
    /// R mod m (the Montgomery form of 1).
    let one: [UInt64]

    /// `modulusHex` is big-endian hex; the modulus must be odd and prime for `inverse` to be correct.
    init(modulusHex: String) {
        self.init(modulus: MontgomeryField.limbs(hex: modulusHex))
    }

    /// `limbs` little-endian, odd, with a non-zero top limb.
    init(modulus limbs: [UInt64]) {
        modulus = limbs
        limbCount = limbs.count
        var inv: UInt64 = 1
        for _ in 0..<6 { inv = inv &* (2 &- limbs[0] &* inv) }
        n0inv = 0 &- inv
        var x = [UInt64](repeating: 0, count: limbs.count)
        x[0] = 1
        for _ in 0..<(64 * limbs.count) { x = Self.addMod(x, x, limbs) }
        one = x
        for _ in 0..<(64 * limbs.count) { x = Self.addMod(x, x, limbs) }
        rSquared = x
    }

    /// Big-endian hex (whitespace-free, a multiple of 16 digits) to little-endian limbs. Only for constants.
    static func limbs(hex: String) -> [UInt64] {
        let digits = Array(hex.utf8)
        var out: [UInt64] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 16)
            var v: UInt64 = 0
            for d in digits[start..<end] {
                let nibble: UInt64 = d <= 57 ? UInt64(d - 48) : UInt64((d | 0x20) - 87)
                v = v << 4 | nibble
            }
            out.append(v)
            end = start
        }
        return out
    }

    /// Big-endian bytes (at most 8·limbCount after leading zeros) to limbs, or nil when too long.
    func limbs(bigEndian bytes: ArraySlice<UInt8>) -> [UInt64]? {
        var trimmed = bytes
        while let first = trimmed.first, first == 0 { trimmed = trimmed.dropFirst() }
        guard trimmed.count <= 8 * limbCount else { return nil }
        var out = [UInt64](repeating: 0, count: limbCount)
        for (i, byte) in trimmed.reversed().enumerated() { out[i / 8] |= UInt64(byte) << (8 * UInt64(i % 8)) }
        return out
    }

    func bigEndianBytes(_ a: [UInt64]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 8 * limbCount)
        for i in 0..<(8 * limbCount) {
            out[out.count - 1 - i] = UInt8(truncatingIfNeeded: a[i / 8] >> (8 * UInt64(i % 8)))
        }
        return out
    }

    static func isZero(_ a: [UInt64]) -> Bool { a.allSatisfy { $0 == 0 } }

    /// a < b for equal-length limb arrays.
    static func less(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] }
        return false
    }

    func isReduced(_ a: [UInt64]) -> Bool { Self.less(a, modulus) }

    /// a − b over limbs, returning the borrow.
    private static func subtract(_ a: inout [UInt64], _ b: [UInt64]) -> Bool {
        var borrow = false
        for i in 0..<a.count {
            let (d1, b1) = a[i].subtractingReportingOverflow(b[i])
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            a[i] = d2
            borrow = b1 || b2
        }
        return borrow
    }

    /// Reduces a value below 2·m (e.g. a hash or an x-coordinate) into [0, m).
    func reduceOnce(_ a: [UInt64]) -> [UInt64] {
        guard !isReduced(a) else { return a }
        var r = a
        _ = Self.subtract(&r, modulus)
        return r
    }

    func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] { Self.addMod(a, b, modulus) }

    private static func addMod(_ a: [UInt64], _ b: [UInt64], _ modulus: [UInt64]) -> [UInt64] {
        var r = a
        var carry = false
        for i in 0..<r.count {
            let (s1, c1) = r[i].addingReportingOverflow(b[i])
            let (s2, c2) = s1.addingReportingOverflow(carry ? 1 : 0)
            r[i] = s2
            carry = c1 || c2
        }
        if carry || !less(r, modulus) { _ = subtract(&r, modulus) }
        return r
    }

    func sub(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var r = a
        if Self.subtract(&r, b) {
            var carry = false
            for i in 0..<limbCount {
                let (s1, c1) = r[i].addingReportingOverflow(modulus[i])
                let (s2, c2) = s1.addingReportingOverflow(carry ? 1 : 0)
                r[i] = s2
                carry = c1 || c2
            }
        }
        return r
    }

    /// Montgomery product a·b·R⁻¹ mod m.
    func mul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let k = limbCount
        var t = [UInt64](repeating: 0, count: k + 2)
        for i in 0..<k {
            var carry: UInt64 = 0
            for j in 0..<k {
                let (hi, lo) = a[j].multipliedFullWidth(by: b[i])
                let (s1, c1) = t[j].addingReportingOverflow(lo)
                let (s2, c2) = s1.addingReportingOverflow(carry)
                t[j] = s2
                carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            let (top, topCarry) = t[k].addingReportingOverflow(carry)
            t[k] = top
            t[k + 1] = topCarry ? 1 : 0
            let m = t[0] &* n0inv
            let (hi0, lo0) = m.multipliedFullWidth(by: modulus[0])
            let (_, c0) = t[0].addingReportingOverflow(lo0)
            carry = hi0 &+ (c0 ? 1 : 0)
            for j in 1..<k {
                let (hi, lo) = m.multipliedFullWidth(by: modulus[j])
                let (s1, c1) = t[j].addingReportingOverflow(lo)
                let (s2, c2) = s1.addingReportingOverflow(carry)
                t[j - 1] = s2
                carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            let (s3, c3) = t[k].addingReportingOverflow(carry)
            t[k - 1] = s3
            t[k] = t[k + 1] &+ (c3 ? 1 : 0)
        }
        var r = Array(t[0..<k])
        if t[k] != 0 || !isReduced(r) { _ = Self.subtract(&r, modulus) }
        return r
    }

    func square(_ a: [UInt64]) -> [UInt64] { mul(a, a) }

    func toMontgomery(_ a: [UInt64]) -> [UInt64] { mul(a, rSquared) }

    func fromMontgomery(_ a: [UInt64]) -> [UInt64] {
        var unit = [UInt64](repeating: 0, count: limbCount)
        unit[0] = 1
        return mul(a, unit)
    }

    /// a^(m−2) = a⁻¹ for prime m (Montgomery form in and out); 0 maps to 0.
    func inverse(_ a: [UInt64]) -> [UInt64] {
        var exponent = modulus
        _ = Self.subtract(&exponent, [2] + [UInt64](repeating: 0, count: limbCount - 1))
        var result = one
        for i in stride(from: limbCount - 1, through: 0, by: -1) {
            for bit in stride(from: 63, through: 0, by: -1) {
                result = square(result)
                if (exponent[i] >> UInt64(bit)) & 1 == 1 { result = mul(result, a) }
            }
        }
        return result
    }
}
