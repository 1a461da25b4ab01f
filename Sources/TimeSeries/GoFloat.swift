/// Formats floats exactly as Go does, since Prometheus's output formats (exposition, PromQL
/// results, templates) are defined by Go's `strconv` and `fmt`.
public enum GoFloat {
    /// `strconv.FormatFloat(v, 'g', -1, 64)`: shortest round-trip digits, exponent form when the
    /// decimal exponent is below -4 or at least 6 (`1e+06`, `1e-05`, `100000`).
    public static func format(_ v: Double) -> String { formatShortestG(v, exponentThreshold: 6) }

    /// `fmt.Sprintf("%v", v)` for a float64, which Go defines as the shortest `%g`: the same as `format`.
    public static func formatV(_ v: Double) -> String { format(v) }

    /// `strconv.FormatFloat(v, 'f', -1, 64)`: shortest round-trip digits, never an exponent.
    public static func formatFixed(_ v: Double) -> String {
        if let special = special(v) { return special }
        let (neg, digits, dp) = decimalDigits(v)
        return (neg ? "-" : "") + fixed(digits, dp)
    }

    /// `strconv.FormatFloat(v, 'E', -1, 64)`: shortest round-trip digits in exponent form
    /// (`1E+00`, `6.5E+01`, `1.5E-07`, `NaN`, `+Inf`), as promtool prints sample values.
    public static func formatExponent(_ v: Double) -> String {
        if let special = special(v) { return special }
        let (neg, digits, dp) = decimalDigits(v)
        let sign = neg ? "-" : ""
        if digits == "0" { return sign + "0E+00" }
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exp = dp - 1
        let e = abs(exp)
        return sign + mantissa + "E" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }

    private static func special(_ v: Double) -> String? {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        return nil
    }

    private static func formatShortestG(_ v: Double, exponentThreshold: Int) -> String {
        if let special = special(v) { return special }
        let (neg, digits, dp) = decimalDigits(v)
        let sign = neg ? "-" : ""
        if digits == "0" { return sign + "0" }
        // Go's strconv: with the shortest precision the %e/%f decision uses eprec = 6.
        let exp = dp - 1
        if exp < -4 || exp >= exponentThreshold {
            var m = String(digits.first!)
            if digits.count > 1 { m += "." + digits.dropFirst() }
            let e = abs(exp)
            return sign + m + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
        }
        return sign + fixed(digits, dp)
    }

    /// Digits `d1d2...dn` and decimal point position `dp`: value = 0.d1d2...dn × 10^dp.
    private static func fixed(_ digits: String, _ dp: Int) -> String {
        if digits == "0" { return "0" }
        if dp <= 0 { return "0." + String(repeating: "0", count: -dp) + digits }
        if dp >= digits.count { return digits + String(repeating: "0", count: dp - digits.count) }
        let i = digits.index(digits.startIndex, offsetBy: dp)
        return String(digits[..<i]) + "." + String(digits[i...])
    }

    /// Shortest round-trip decimal digits of a finite double, from Swift's own shortest printer.
    static func decimalDigits(_ v: Double) -> (negative: Bool, digits: String, dp: Int) {
        var s = Substring(v.magnitude.description)
        let neg = v.sign == .minus
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(s[s.index(after: e)...]) ?? 0
            s = s[..<e]
        }
        var intPart = s
        var fracPart: Substring = ""
        if let dot = s.firstIndex(of: ".") {
            intPart = s[..<dot]
            fracPart = s[s.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var dp = intPart.count + exp
        // Strip leading zeros (moving the point) and trailing zeros.
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            dp -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        if digits == "0" { return (neg, "0", 1) }
        return (neg, digits, dp)
    }
}
