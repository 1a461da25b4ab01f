/// The Eisel–Lemire algorithm: the correctly rounded double nearest to `w × 10^q` from one (rarely
/// two) 64×128-bit multiplications by a table of powers of five, for any 64-bit `w`.
///
/// It answers only when the truncated product decides the rounding; when it cannot (values very
/// close to a halfway point), or when the result is subnormal or overflows, it returns nil and
/// the caller falls back to an exact method. See Lemire, "Number Parsing at a Gigabyte per
/// Second" (2021), section 5.
enum EiselLemire {
    static func double(_ w: UInt64, _ q: Int, negative: Bool) -> Double? {
        guard w != 0, q >= PowersOfFive.smallestExponent, q <= PowersOfFive.largestExponent else { return nil }
        // Normalize w so its top bit is set; floor(q × log2(10)) via 217706 / 2^16.
        let clz = w.leadingZeroBitCount
        let man = w << UInt64(clz)
        var exp2 = UInt64(bitPattern: Int64(((217_706 * q) >> 16) + 64 + 1023 - clz))

        let index = 2 * (q - PowersOfFive.smallestExponent)
        let table = PowersOfFive.table
        var (hi, lo) = man.multipliedFullWidth(by: table[index])
        // When the low 9 bits below the 54 kept ones are all ones, the truncated low word of the
        // power may still carry into them: take it into account.
        if hi & 0x1FF == 0x1FF && lo &+ man < man {
            let (yHi, yLo) = man.multipliedFullWidth(by: table[index + 1])
            var mergedHi = hi
            let mergedLo = lo &+ yHi
            if mergedLo < lo { mergedHi &+= 1 }
            if mergedHi & 0x1FF == 0x1FF && mergedLo &+ 1 == 0 && yLo &+ man < man { return nil }
            hi = mergedHi
            lo = mergedLo
        }
        // Keep 54 bits, then round to 53 (ties to even); an exact halfway product is undecided.
        let msb = hi >> 63
        var mantissa = hi >> (msb + 9)
        exp2 = exp2 &- (1 ^ msb)
        if lo == 0 && hi & 0x1FF == 0 && mantissa & 3 == 1 { return nil }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >> 53 > 0 {
            mantissa >>= 1
            exp2 &+= 1
        }
        // Subnormal, zero or infinite results are left to the exact method.
        if exp2 &- 1 >= 0x7FF - 1 { return nil }
        let bits = exp2 << 52 | mantissa & ((1 << 52) - 1)
        return Double(bitPattern: negative ? bits | 1 << 63 : bits)
    }
}
