/// Prometheus 3.x's `FormatOpenMetricsFloat`: Go's `strconv.FormatFloat(f, 'g', -1, 64)` plus `.0`
/// when the result has neither `.` nor `e`. Used to normalize `le` and `quantile` label values.
///
/// The shortest round-trip digits come from Swift's `Double.description` (shortest, closest, like Go);
/// only the layout is Go's.
enum OpenMetricsFloat {
    static func format(_ f: Double) -> String {
        if f == 1 { return "1.0" }
        if f == 0 { return "0.0" }
        if f == -1 { return "-1.0" }
        if f.isNaN { return "NaN" }
        if f.isInfinite { return f > 0 ? "+Inf" : "-Inf" }
        let s = goShortestG(f)
        if s.utf8.contains(UInt8(ascii: ".")) || s.utf8.contains(UInt8(ascii: "e")) { return s }
        return s + ".0"
    }

    /// `strconv.FormatFloat(f, 'g', -1, 64)` for finite `f`.
    static func goShortestG(_ f: Double) -> String {
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, dp) = shortestDigits(f.magnitude)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 8)
        if f.sign == .minus { out.append(UInt8(ascii: "-")) }
        let exp = dp - 1
        // Go: with the shortest precision, %e is used when exp < -4 || exp >= 6.
        if exp < -4 || exp >= 6 {
            appendExponential(&out, digits, exp)
        } else {
            appendFixed(&out, digits, dp)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendExponential(_ out: inout [UInt8], _ digits: [UInt8], _ exp: Int) {
        out.append(digits[0])
        if digits.count > 1 {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[1...])
        }
        out.append(UInt8(ascii: "e"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let e = exp.magnitude
        if e < 10 { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: String(e).utf8)
    }

    private static func appendFixed(_ out: inout [UInt8], _ digits: [UInt8], _ dp: Int) {
        if dp <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -dp))
            out.append(contentsOf: digits)
        } else if dp >= digits.count {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: dp - digits.count))
        } else {
            out.append(contentsOf: digits[..<dp])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[dp...])
        }
    }

    /// Shortest digits `d1 d2 ... dn` and decimal point position `dp` with value `0.d1...dn × 10^dp`.
    static func shortestDigits(_ positive: Double) -> (digits: [UInt8], dp: Int) {
        let text = Array(positive.description.utf8)
        var mantissa: [UInt8] = []
        var integerLength = -1
        var exponent = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                integerLength = mantissa.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                mantissa.append(c)
            }
            i += 1
        }
        if integerLength < 0 { integerLength = mantissa.count }
        var leading = 0
        while leading < mantissa.count - 1 && mantissa[leading] == UInt8(ascii: "0") { leading += 1 }
        var trailing = mantissa.count
        while trailing > leading + 1 && mantissa[trailing - 1] == UInt8(ascii: "0") { trailing -= 1 }
        return (Array(mantissa[leading..<trailing]), integerLength - leading + exponent)
    }
}
