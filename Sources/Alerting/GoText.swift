import TimeSeries

/// Go's text forms that promtool's messages are made of: `strconv.Quote`, `labels.Labels.String()`
/// and `strconv.FormatFloat(v, 'E', -1, 64)`, so Vigil's output reads like promtool's.
enum GoText {
    /// `strconv.Quote` for text whose characters are printable outside ASCII controls.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else if (0x80..<0xA0).contains(u.value) || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Prometheus's `labels.Labels.String()`: `{__name__="up", job="x"}`, names quoted when
    /// they are not classic identifiers. Pairs are printed as given (empty values included).
    static func labels(_ pairs: [Label]) -> String {
        var out = "{"
        for (i, l) in pairs.enumerated() {
            if i > 0 { out += ", " }
            out += NameValidation.isLegacyLabelName(l.name) ? l.name : quote(l.name)
            out += "=" + quote(l.value)
        }
        return out + "}"
    }

    /// `strconv.FormatFloat(v, 'E', -1, 64)`: shortest round-trip digits in exponent form
    /// (`1E+00`, `6.5E+01`, `1.5E-07`, `NaN`, `+Inf`).
    static func formatE(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        let sign = v.sign == .minus ? "-" : ""
        if v == 0 { return sign + "0E+00" }
        // Swift's description gives the shortest round-trip digits, as Go's -1 precision does.
        var text = "\(v.magnitude)"
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var intPart = text
        var fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointAfter = intPart.count
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointAfter -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        let e10 = pointAfter - 1 + exp
        var mantissa = String(digits.first ?? "0")
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let ae = abs(e10)
        return sign + mantissa + "E" + (e10 < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + String(ae)
    }
}
