/// Recognises values that are exactly `m / 10^e` for an integer `|m| < 2^53` and small `e`: the
/// integers (counters, buckets, counts, integer gauges) and short decimals (`12.57`, `0.25`)
/// that make up most scraped samples. Such values are stored as the integer `m`, whose
/// differences compress far better than the XOR of the IEEE bits.
///
/// The check is exact: `Double(m) / 10^e` (a correctly rounded IEEE division of two exact
/// values) must reproduce the original bit pattern, so `-0.0`, NaNs (including `StaleNaN`),
/// infinities and values like `0.1 + 0.2` are never accepted.
enum DecimalScale {
    static let maxExponent = 15
    static let limit: Int64 = 1 << 53

    @inline(__always)
    static func power(_ e: Int) -> Double {
        switch e {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        default: 1e15
        }
    }

    @inline(__always)
    static func intPower(_ e: Int) -> Int64 {
        var p: Int64 = 1
        for _ in 0..<e { p &*= 10 }
        return p
    }

    /// The integer `m` with `bits == value(m, e)`, or nil.
    @inline(__always)
    static func mantissa(_ bits: UInt64, exponent e: Int) -> Int64? {
        let v = Double(bitPattern: bits)
        if e == 0 {
            guard v > -9.007_199_254_740_992e15, v < 9.007_199_254_740_992e15 else { return nil }
            let m = Int64(v)
            return Double(m).bitPattern == bits ? m : nil
        }
        let scaled = (v * power(e)).rounded()
        guard scaled > -9.007_199_254_740_992e15, scaled < 9.007_199_254_740_992e15 else { return nil }
        let m = Int64(scaled)
        return (Double(m) / power(e)).bitPattern == bits ? m : nil
    }

    /// Largest ulp distance `near` accepts.
    static let maxUlps: Int64 = 255

    /// For a value a few ulps off a decimal (`0.1 + 0.2`, `0.001 * 123 / 10`): the mantissa at
    /// exponent `e` and the signed ulp offset, so that `bits == value(m, e) + ulps` as integers.
    @inline(__always)
    static func near(_ bits: UInt64, exponent e: Int) -> (mantissa: Int64, ulps: Int64)? {
        let v = Double(bitPattern: bits)
        let scaled = (v * power(e)).rounded()
        guard scaled > -9.007_199_254_740_992e15, scaled < 9.007_199_254_740_992e15 else { return nil }
        let m = Int64(scaled)
        let ulps = Int64(bitPattern: bits) &- Int64(bitPattern: value(m, exponent: e))
        guard ulps >= -maxUlps, ulps <= maxUlps else { return nil }
        return (m, ulps)
    }

    /// The smallest exponent in `from...maxExponent` at which `bits` is near a decimal.
    static func findNear(_ bits: UInt64, from: Int) -> (exponent: Int, mantissa: Int64, ulps: Int64)? {
        guard from <= maxExponent, Double(bitPattern: bits).isFinite else { return nil }
        for e in from...maxExponent {
            if let (m, ulps) = near(bits, exponent: e) { return (e, m, ulps) }
        }
        return nil
    }

    /// The smallest exponent in `from...maxExponent` that represents `bits` exactly.
    static func find(_ bits: UInt64, from: Int) -> (exponent: Int, mantissa: Int64)? {
        guard from <= maxExponent else { return nil }
        let v = Double(bitPattern: bits)
        guard v.isFinite else { return nil }
        for e in from...maxExponent {
            if let m = mantissa(bits, exponent: e) { return (e, m) }
        }
        return nil
    }

    /// The bit pattern of `m / 10^e`.
    @inline(__always)
    static func value(_ m: Int64, exponent e: Int) -> UInt64 {
        e == 0 ? Double(m).bitPattern : (Double(m) / power(e)).bitPattern
    }
}
