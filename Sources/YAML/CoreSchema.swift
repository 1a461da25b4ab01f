/// The YAML 1.2 core schema: which plain scalars are null, bool, int or float, and their values.
/// Only the spellings the 1.2 core schema lists count (`yes`/`on` stay strings).
enum CoreSchema {
    static func resolve(_ s: String) -> YAMLScalar.Kind {
        if isNull(s) { return .null }
        if parseBool(s) != nil { return .bool }
        if isInt(s) { return .int }
        if isFloat(s) { return .float }
        return .string
    }

    static func isNull(_ s: String) -> Bool {
        s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`.
    static func isInt(_ s: String) -> Bool {
        let u = Array(s.utf8)
        if u.count > 2 && u[0] == UInt8(ascii: "0") && u[1] == UInt8(ascii: "o") {
            return u[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x37 }
        }
        if u.count > 2 && u[0] == UInt8(ascii: "0") && u[1] == UInt8(ascii: "x") {
            return u[2...].allSatisfy(isHexDigit)
        }
        var digits = u[...]
        if let f = digits.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    static func parseInt(_ s: String) -> Int? {
        if s.hasPrefix("0o") { return Int(s.dropFirst(2), radix: 8) }
        if s.hasPrefix("0x") { return Int(s.dropFirst(2), radix: 16) }
        guard isInt(s) else { return nil }
        return Int(s.hasPrefix("+") ? String(s.dropFirst()) : s)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isFloat(_ s: String) -> Bool { parseFloat(s) != nil }

    static func parseFloat(_ s: String) -> Double? {
        var body = Substring(s)
        var sign = 1.0
        if let f = body.first, f == "-" || f == "+" {
            sign = f == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return s == String(body) ? .nan : nil
        default: break
        }
        let u = Array(body.utf8)
        var i = 0
        var intDigits = 0, fracDigits = 0
        while i < u.count, isDigit(u[i]) { i += 1; intDigits += 1 }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count, isDigit(u[i]) { i += 1; fracDigits += 1 }
        }
        if intDigits == 0 && fracDigits == 0 { return nil }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
            var expDigits = 0
            while i < u.count, isDigit(u[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return nil }
        }
        guard i == u.count, let value = Double(String(body)) else { return nil }
        return sign * value
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }
}
