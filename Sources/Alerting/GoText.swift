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

    /// `strconv.FormatFloat(v, 'E', -1, 64)` (`1E+00`, `6.5E+01`, `NaN`, `+Inf`).
    static func formatE(_ v: Double) -> String { GoFloat.formatExponent(v) }
}
