#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a float from raw bytes with Go's `strconv.ParseFloat` grammar (what Prometheus uses for
/// sample values and `le`/`quantile` labels), without building a String.
///
/// Decimal syntax is validated here; values with at most 15 significant digits and a small exponent
/// are computed exactly (Clinger's fast path), the rest by Eisel–Lemire, and only what that cannot
/// decide (subnormals, overflow, near-halfway values) goes to the C library's correctly rounded
/// `strtod` under the "C" locale. Overflow is an error, as in Go; underflow gives zero.
enum GoFloatParser {
    /// Canonical NaN used by Prometheus (`value.NormalNaN`, also Go's `math.NaN()`).
    static let normalNaN = Double(bitPattern: 0x7FF8_0000_0000_0001)

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `[start, end)`. `allowHex` accepts Go's hexadecimal floats (`0x1p-2`), which Prometheus
    /// refuses for sample values (it rejects any `p`, `P` or `_`) but accepts in label normalization.
    static func parse(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, allowHex: Bool = false) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        var signed = false
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            signed = true
            i += 1
            guard i < end else { return nil }
        }
        let first = b[i] | 0x20
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "n") {
            return special(b, i, end, negative: negative, signed: signed)
        }
        if allowHex, end - i > 2, b[i] == UInt8(ascii: "0"), b[i + 1] | 0x20 == UInt8(ascii: "x") {
            return hex(b, i + 2, end, negative: negative)
        }

        var mantissa: UInt64 = 0
        var digits = 0
        var exp10 = 0
        var sawDigits = false
        var sawDot = false
        var truncated = false
        while i < end {
            let c = b[i]
            if c &- 48 < 10 {
                sawDigits = true
                if c == 48 && digits == 0 {
                    if sawDot { exp10 -= 1 }
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c &- 48)
                    digits += 1
                    if sawDot { exp10 -= 1 }
                } else {
                    if c != 48 { truncated = true }
                    if !sawDot { exp10 += 1 }
                }
            } else if c == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigits else { return nil }
        if i < end, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            guard i < end else { return nil }
            var expNegative = false
            if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var sawExpDigit = false
            while i < end, b[i] &- 48 < 10 {
                if e < 100_000_000 { e = e * 10 + Int(b[i] &- 48) }
                sawExpDigit = true
                i += 1
            }
            guard sawExpDigit else { return nil }
            exp10 += expNegative ? -e : e
        }
        guard i == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated && mantissa <= 1 << 53 && exp10 >= -22 && exp10 <= 22 {
            var v = Double(mantissa)
            if exp10 >= 0 { v *= exactPowers[exp10] } else { v /= exactPowers[-exp10] }
            return negative ? -v : v
        }
        // Fewer than 20 digits times 10^-343 is below half the smallest subnormal.
        if exp10 < PowersOfFive.smallestExponent { return negative ? -0.0 : 0.0 }
        if exp10 > PowersOfFive.largestExponent { return nil }
        if let v = EiselLemire.double(mantissa, exp10, negative: negative) {
            if !truncated { return v }
            // The dropped digits put the value strictly between mantissa and mantissa + 1 units.
            if let upper = EiselLemire.double(mantissa + 1, exp10, negative: negative), upper == v { return v }
        }
        return slowPath(b, start, end)
    }

    /// The common sample value: unsigned digits with an optional fraction (`12345`, `0.25`), at
    /// most 19 digits, ending in a blank or newline. Returns the value and the offset after it, or
    /// nil for anything else (the caller then takes the general path, which gives the same value).
    @inline(__always)
    static func plainDecimal(_ b: UnsafePointer<UInt8>, _ start: Int) -> (Double, Int)? {
        var i = start
        var mantissa: UInt64 = 0
        var d = b[i] &- 48
        guard d < 10 else { return nil }
        repeat {
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
            d = b[i] &- 48
        } while d < 10
        var fraction = 0
        if b[i] == UInt8(ascii: ".") {
            let dot = i
            i += 1
            d = b[i] &- 48
            while d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
                d = b[i] &- 48
            }
            fraction = i - dot - 1
        }
        let c = b[i]
        guard c == 32 || c == 10 || c == 9, i - start - (fraction > 0 ? 1 : 0) <= 19 else { return nil }
        if mantissa <= 1 << 53 && fraction <= 22 {
            let v = Double(mantissa)
            return (fraction == 0 ? v : v / exactPowers[fraction], i)
        }
        if mantissa == 0 { return (0, i) }
        guard let v = EiselLemire.double(mantissa, -fraction, negative: false) else { return nil }
        return (v, i)
    }

    /// Go's `special`: `inf`/`infinity` with optional sign, `nan` unsigned, case-insensitive.
    private static func special(_ b: UnsafePointer<UInt8>, _ i: Int, _ end: Int, negative: Bool, signed: Bool) -> Double? {
        let n = end - i
        if n == 3 || n == 8 {
            let word: StaticString = n == 3 ? "inf" : "infinity"
            if matchesIgnoringCase(b, i, word) { return negative ? -.infinity : .infinity }
        }
        if !signed && n == 3 && matchesIgnoringCase(b, i, "nan") { return normalNaN }
        return nil
    }

    private static func matchesIgnoringCase(_ b: UnsafePointer<UInt8>, _ i: Int, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where b[i + k] | 0x20 != w[k] { return false }
        return true
    }

    /// Go hexadecimal float: hex mantissa (optional point), mandatory `p` binary exponent.
    private static func hex(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, negative: Bool) -> Double? {
        var i = start
        var mantissa: UInt64 = 0
        var exp2 = 0
        var sawDigits = false
        var sawDot = false
        var sticky = false
        while i < end {
            let c = b[i]
            let d: UInt64
            if c &- 48 < 10 {
                d = UInt64(c &- 48)
            } else if (c | 0x20) &- 97 < 6 {
                d = UInt64((c | 0x20) &- 87)
            } else if c == UInt8(ascii: ".") && !sawDot {
                sawDot = true
                i += 1
                continue
            } else {
                break
            }
            sawDigits = true
            if mantissa >> 58 == 0 {
                mantissa = mantissa << 4 | d
                if sawDot { exp2 -= 4 }
            } else {
                if d != 0 { sticky = true }
                if !sawDot { exp2 += 4 }
            }
            i += 1
        }
        guard sawDigits, i < end, b[i] | 0x20 == UInt8(ascii: "p") else { return nil }
        i += 1
        guard i < end else { return nil }
        var expNegative = false
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            expNegative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var e = 0
        var sawExpDigit = false
        while i < end, b[i] &- 48 < 10 {
            if e < 100_000_000 { e = e * 10 + Int(b[i] &- 48) }
            sawExpDigit = true
            i += 1
        }
        guard sawExpDigit, i == end else { return nil }
        exp2 += expNegative ? -e : e
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if sticky { mantissa |= 1 }
        let v = Double(sign: negative ? .minus : .plus, exponent: max(min(exp2, 5000), -5000), significand: Double(mantissa))
        return v.isInfinite ? nil : v
    }

    /// Correctly rounded conversion of an already validated decimal literal via `strtod` in the "C" locale.
    private static func slowPath(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let n = end - start
        let v = withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf -> Double in
            guard let p = buf.baseAddress else { return .nan }
            b.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: n) { src in
                p.initialize(from: src, count: n)
            }
            p[n] = 0
            let previous = uselocale(CLocale.numeric)
            defer { uselocale(previous) }
            return strtod(p, nil)
        }
        return v.isInfinite || v.isNaN ? nil : v
    }
}

/// The "C" numeric locale, so `strtod` reads `.` as the decimal point whatever `setlocale` chose.
enum CLocale {
    nonisolated(unsafe) static let numeric = newlocale(LC_NUMERIC_MASK, "C", nil)
}
