/// Single- and double-quoted scalars: escapes, `''`, and line folding.
extension Parser {
    mutating func scanQuoted() throws(YAMLError) -> YAMLScalar {
        let start = mark
        guard let quote = peek() else { throw error("expected a quoted scalar", at: start) }
        let double = quote == "\""
        let what = double ? "double-quoted" : "single-quoted"
        advance()
        var value = ""
        var pendingBlanks = ""
        while true {
            guard let c = peek() else {
                throw error("unterminated \(what) scalar: no closing \(double ? "'\"'" : "\"'\"") before the end of input", at: start)
            }
            if c == quote {
                if !double && peek(1) == "'" {
                    value += pendingBlanks
                    pendingBlanks = ""
                    value += "'"
                    advance(2)
                    continue
                }
                // Blanks are trimmed only before a line break, never before the closing quote.
                value += pendingBlanks
                advance()
                break
            }
            if c == "\\" && double {
                value += pendingBlanks
                pendingBlanks = ""
                if peek(1) == "\n" {
                    advance(2)
                    while Self.isBlank(peek()) { advance() }
                    continue
                }
                value.unicodeScalars.append(try scanEscape())
                continue
            }
            if c == "\n" {
                pendingBlanks = ""
                var breaks = 0
                while peek() == "\n" {
                    advance()
                    breaks += 1
                    if atDocumentMarker {
                        throw error("unterminated \(what) scalar: a document marker appears before the closing quote", at: start)
                    }
                    while Self.isBlank(peek()) { advance() }
                }
                value += breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
                continue
            }
            if Self.isBlank(c) {
                pendingBlanks.unicodeScalars.append(c)
            } else {
                value += pendingBlanks
                pendingBlanks = ""
                value.unicodeScalars.append(c)
            }
            advance()
        }
        return YAMLScalar(value: value, style: double ? .doubleQuoted : .singleQuoted, kind: .string, mark: start)
    }

    /// Reads one escape sequence starting at the backslash.
    private mutating func scanEscape() throws(YAMLError) -> Unicode.Scalar {
        let start = mark
        advance()
        guard let e = peek() else { throw error("unterminated escape sequence at the end of input", at: start) }
        advance()
        let simple: Unicode.Scalar? = switch e {
        case "0": "\u{0}"
        case "a": "\u{7}"
        case "b": "\u{8}"
        case "t", "\t": "\t"
        case "n": "\n"
        case "v": "\u{B}"
        case "f": "\u{C}"
        case "r": "\r"
        case "e": "\u{1B}"
        case " ": " "
        case "\"": "\""
        case "/": "/"
        case "\\": "\\"
        case "N": "\u{85}"
        case "_": "\u{A0}"
        case "L": "\u{2028}"
        case "P": "\u{2029}"
        default: nil
        }
        if let simple { return simple }
        let digits: Int
        switch e {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default:
            throw error("invalid escape sequence '\\\(Character(e))' in a double-quoted scalar", at: start)
        }
        var code: UInt32 = 0
        for _ in 0..<digits {
            guard let h = peek(), let v = Self.hexValue(h) else {
                throw error("escape '\\\(Character(e))' needs \(digits) hexadecimal digits", at: start)
            }
            code = code * 16 + UInt32(v)
            advance()
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw error("escape '\\\(Character(e))' gives U+\(String(code, radix: 16, uppercase: true)), which is not a Unicode scalar value", at: start)
        }
        return scalar
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: c.value - 0x30
        case 0x41...0x46: c.value - 0x41 + 10
        case 0x61...0x66: c.value - 0x61 + 10
        default: nil
        }
    }
}
