/// Writes JSON text by hand so payloads are byte-for-byte deterministic (keys in the order given)
/// and strings are escaped as Go's `encoding/json` does for control characters and U+2028/2029.
struct JSONText {
    private(set) var text = ""

    init() {}

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) {
        text += JSONText.quote(s)
    }

    /// `{"name":"value",...}` for labels or annotations, in the order given.
    mutating func object(_ pairs: [(String, String)]) {
        text += "{"
        for (i, p) in pairs.enumerated() {
            if i > 0 { text += "," }
            text += JSONText.quote(p.0) + ":" + JSONText.quote(p.1)
        }
        text += "}"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
