import TimeSeries
/// Go's literal rules for template source: `strconv.Unquote` for strings and character
/// constants, and `parse.newNumber` for numbers (ints, hex/octal/binary, floats).
enum GoLiteral {
    struct SyntaxError: Error {
        var message: String
    }

    /// `strconv.Unquote` for a double-quoted, back-quoted or single-quoted literal.
    static func unquote(_ quoted: String) throws -> String {
        let scalars = Array(quoted.unicodeScalars)
        guard scalars.count >= 2, let q = scalars.first, scalars.last == q else {
            throw SyntaxError(message: "invalid syntax")
        }
        let body = scalars[1..<(scalars.count - 1)]
        if q == "`" {
            if body.contains("`") { throw SyntaxError(message: "invalid syntax") }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: body.filter { $0 != "\r" })
            return String(out)
        }
        guard q == "\"" || q == "'" else { throw SyntaxError(message: "invalid syntax") }
        var out = String.UnicodeScalarView()
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == q || c == "\n" { throw SyntaxError(message: "invalid syntax") }
            if c != "\\" {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < body.endIndex else { throw SyntaxError(message: "invalid syntax") }
            let e = body[i]
            i += 1
            switch e {
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "\\": out.append("\\")
            case "\"", "'":
                guard e == q else { throw SyntaxError(message: "invalid syntax") }
                out.append(e)
            case "x", "u", "U":
                let n = e == "x" ? 2 : e == "u" ? 4 : 8
                guard body.distance(from: i, to: body.endIndex) >= n,
                      let v = UInt32(String(String.UnicodeScalarView(body[i..<(i + n)])), radix: 16)
                else { throw SyntaxError(message: "invalid syntax") }
                i += n
                if e == "x" {
                    // A byte escape; only ASCII bytes form valid text on their own.
                    out.append(Unicode.Scalar(UInt8(v)))
                } else {
                    guard let s = Unicode.Scalar(v) else { throw SyntaxError(message: "invalid syntax") }
                    out.append(s)
                }
            case "0"..."7":
                guard body.distance(from: i, to: body.endIndex) >= 2,
                      let v = UInt32(String(String.UnicodeScalarView(body[(i - 1)..<(i + 2)])), radix: 8), v <= 255
                else { throw SyntaxError(message: "invalid syntax") }
                i += 2
                out.append(Unicode.Scalar(UInt8(v)))
            default:
                throw SyntaxError(message: "invalid syntax")
            }
        }
        if q == "'" && out.count != 1 { throw SyntaxError(message: "invalid syntax") }
        return String(out)
    }

    /// `parse.newNumber`: the int/uint/float readings of a number or character constant.
    static func number(_ text: String, isChar: Bool) throws -> NumberLiteral {
        var n = NumberLiteral(text: text)
        if isChar {
            let s = try unquote(text)
            guard let r = s.unicodeScalars.first else { throw SyntaxError(message: "invalid syntax") }
            n.isInt = true
            n.isUint = true
            n.isFloat = true
            n.int = Int64(r.value)
            n.float = Double(r.value)
            return n
        }
        if text.hasSuffix("i") { throw SyntaxError(message: "complex numbers are not supported: \(GoQuote.quote(text))") }
        if let (neg, magnitude) = parseInteger(text) {
            if neg {
                if magnitude <= UInt64(Int64.max) + 1 {
                    n.isInt = true
                    n.int = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                    if n.int == 0 { n.isUint = true }
                }
            } else {
                n.isUint = true
                if magnitude <= UInt64(Int64.max) {
                    n.isInt = true
                    n.int = Int64(magnitude)
                }
            }
            if n.isInt {
                n.isFloat = true
                n.float = Double(n.int)
            } else if n.isUint {
                n.isFloat = true
                n.float = Double(magnitude)
            }
        } else if let f = parseFloat(text) {
            if !text.contains(where: { ".eEpP".contains($0) }) {
                throw SyntaxError(message: "integer overflow: \(GoQuote.quote(text))")
            }
            n.isFloat = true
            n.float = f
            if f >= -9.223372036854775808e18 && f < 9.223372036854775808e18 && Double(Int64(f)) == f {
                n.isInt = true
                n.int = Int64(f)
            }
            if f >= 0 && f < 1.8446744073709551616e19 && Double(UInt64(f)) == f { n.isUint = true }
        }
        if !n.isInt && !n.isUint && !n.isFloat {
            throw SyntaxError(message: "illegal number syntax: \(GoQuote.quote(text))")
        }
        return n
    }

    /// `strconv.ParseInt(text, 0, 64)`'s syntax: sign, base prefix, digits, `_` separators.
    private static func parseInteger(_ text: String) -> (Bool, UInt64)? {
        var s = Substring(text)
        var neg = false
        if s.first == "+" || s.first == "-" {
            neg = s.first == "-"
            s = s.dropFirst()
        }
        var base: UInt64 = 10
        var prefixed = false
        let lower = s.lowercased()
        if lower.hasPrefix("0x") { base = 16; s = s.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0o") { base = 8; s = s.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0b") { base = 2; s = s.dropFirst(2); prefixed = true }
        else if s.count > 1 && s.first == "0" { base = 8; s = s.dropFirst(); prefixed = true }
        guard underscoresOK(s, prefixed: prefixed) else { return nil }
        let digits = s.filter { $0 != "_" }
        guard !digits.isEmpty else { return nil }
        var v: UInt64 = 0
        for ch in digits {
            guard let d = ch.hexDigitValue, UInt64(d) < base else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { return nil }
            v = a
        }
        return (neg, v)
    }

    private static func underscoresOK(_ s: Substring, prefixed: Bool) -> Bool {
        guard s.contains("_") else { return true }
        if s.first == "_" && !prefixed { return false }
        if s.last == "_" || s.contains("__") { return false }
        return true
    }

    /// `strconv.ParseFloat(text, 64)` for finite values (decimal or hex mantissa).
    static func parseFloat(_ text: String) -> Double? {
        let lower = text.lowercased()
        if lower.contains("inf") || lower.contains("nan") { return nil }
        guard !text.contains("_") || lower.contains("0x") else { return nil }
        guard let f = Double(text.filter { $0 != "_" }), f.isFinite else { return nil }
        return f
    }
}
