/// Splits a PromQL query into tokens, as Prometheus's `lex.go` does: numbers and durations,
/// quoted strings with Go escapes, identifiers (with colons outside braces), operators, comments.
struct Lexer {
    private let bytes: [UInt8]
    private let query: String
    private var i = 0
    private var braceDepth = 0
    private var bracketDepth = 0

    init(_ query: String) {
        self.query = query
        self.bytes = Array(query.utf8)
    }

    static func tokenize(_ query: String) throws(ParseError) -> [Token] {
        var lexer = Lexer(query)
        var out: [Token] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .eof { return out }
        }
    }

    private func fail(_ pos: Int, _ msg: String) -> ParseError {
        ParseError(position: pos, message: msg, query: query)
    }

    private func peek(_ off: Int = 0) -> UInt8? {
        i + off < bytes.count ? bytes[i + off] : nil
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self)
    }

    static func isAlpha(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "_") || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isAlphaNumeric(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }

    mutating func next() throws(ParseError) -> Token {
        // Skip whitespace and comments.
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d {
                i += 1
            } else if c == UInt8(ascii: "#") {
                while let d = peek(), d != 0x0a { i += 1 }
            } else {
                break
            }
        }
        let start = i
        guard let c = peek() else { return Token(kind: .eof, text: "", pos: i, end: i) }
        func tok(_ k: Token.Kind, _ n: Int) -> Token {
            i += n
            return Token(kind: k, text: text(start, i), pos: start, end: i)
        }
        switch c {
        case UInt8(ascii: ","): return tok(.comma, 1)
        case UInt8(ascii: "("): return tok(.leftParen, 1)
        case UInt8(ascii: ")"): return tok(.rightParen, 1)
        case UInt8(ascii: "{"):
            braceDepth += 1
            return tok(.leftBrace, 1)
        case UInt8(ascii: "}"):
            braceDepth = max(0, braceDepth - 1)
            return tok(.rightBrace, 1)
        case UInt8(ascii: "["):
            bracketDepth += 1
            return tok(.leftBracket, 1)
        case UInt8(ascii: "]"):
            bracketDepth = max(0, bracketDepth - 1)
            return tok(.rightBracket, 1)
        case UInt8(ascii: "@"): return tok(.at, 1)
        case UInt8(ascii: "+"): return tok(.add, 1)
        case UInt8(ascii: "-"): return tok(.sub, 1)
        case UInt8(ascii: "*"): return tok(.mul, 1)
        case UInt8(ascii: "/"): return tok(.div, 1)
        case UInt8(ascii: "%"): return tok(.mod, 1)
        case UInt8(ascii: "^"): return tok(.pow, 1)
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: "=") { return tok(.equal, 2) }
            if peek(1) == UInt8(ascii: "~") { return tok(.regexMatch, 2) }
            return tok(.assign, 1)
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") { return tok(.notEqual, 2) }
            if peek(1) == UInt8(ascii: "~") { return tok(.regexNoMatch, 2) }
            throw fail(start, "unexpected character after '!': \(charDescription(at: start + 1))")
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") { return tok(.lessEqual, 2) }
            return tok(.less, 1)
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { return tok(.greaterEqual, 2) }
            return tok(.greater, 1)
        case UInt8(ascii: ":"):
            if bracketDepth > 0 || braceDepth > 0 { return tok(.colon, 1) }
            return try identifier(start)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try quoted(start, quote: c)
        case UInt8(ascii: "`"):
            return try raw(start)
        default:
            if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(Lexer.isDigit) == true) {
                return try numberOrDuration(start)
            }
            if Lexer.isAlpha(c) { return try identifier(start) }
            throw fail(start, "unexpected character: \(charDescription(at: start))")
        }
    }

    /// Go's `%q` of the rune at `pos`, for "unexpected character" messages.
    private func charDescription(at pos: Int) -> String {
        guard pos < bytes.count else { return "EOF" }
        let rest = text(pos, min(bytes.count, pos + 4))
        guard let ch = rest.unicodeScalars.first else { return "EOF" }
        if ch == "'" { return "'\\''" }
        if ch == "\\" { return "'\\\\'" }
        if ch == "\n" { return "'\\n'" }
        return "'\(ch)'"
    }

    private mutating func identifier(_ start: Int) throws(ParseError) -> Token {
        var hasColon = false
        while let c = peek() {
            if Lexer.isAlphaNumeric(c) {
                i += 1
            } else if c == UInt8(ascii: ":") && braceDepth == 0 && bracketDepth == 0 {
                hasColon = true
                i += 1
            } else {
                break
            }
        }
        let word = text(start, i)
        let lower = word.lowercased()
        if !hasColon && (lower == "inf" || lower == "nan") {
            return Token(kind: .number, text: word, pos: start, end: i)
        }
        return Token(kind: hasColon ? .metricIdentifier : .identifier, text: word, pos: start, end: i)
    }

    private mutating func numberOrDuration(_ start: Int) throws(ParseError) -> Token {
        if scanNumber() {
            return Token(kind: .number, text: text(start, i), pos: start, end: i)
        }
        // Not a plain number: try a duration such as 1h30m or 500ms.
        i = start
        if scanDuration() {
            let s = text(start, i)
            if (try? Duration.parse(s)) != nil {
                return Token(kind: .duration, text: s, pos: start, end: i)
            }
        }
        while let c = peek(), Lexer.isAlphaNumeric(c) || c == UInt8(ascii: ".") { i += 1 }
        throw fail(start, "bad number or duration syntax: \"\(text(start, i))\"")
    }

    /// Accepts a number; false when it runs into letters (then it may be a duration).
    private mutating func scanNumber() -> Bool {
        var hex = false
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            i += 2
            hex = true
        }
        func isDigitOf(_ c: UInt8) -> Bool {
            hex ? (Lexer.isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) : Lexer.isDigit(c)
        }
        while let c = peek(), isDigitOf(c) || c == UInt8(ascii: "_") { i += 1 }
        if peek() == UInt8(ascii: ".") {
            i += 1
            while let c = peek(), isDigitOf(c) { i += 1 }
        }
        if !hex, let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            // Only an exponent if digits follow; otherwise this may be a duration like "1e".
            var j = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { j = 2 }
            if let d = peek(j), Lexer.isDigit(d) {
                i += j
                while let c = peek(), Lexer.isDigit(c) { i += 1 }
            }
        }
        if let c = peek(), Lexer.isAlphaNumeric(c) { return false }
        return true
    }

    /// Accepts digit-unit groups: `1h30m`, `500ms`.
    private mutating func scanDuration() -> Bool {
        var groups = 0
        while let c = peek(), Lexer.isDigit(c) {
            while let d = peek(), Lexer.isDigit(d) { i += 1 }
            guard let u = peek(), "smhdwy".utf8.contains(u) else { return false }
            i += 1
            if u == UInt8(ascii: "m"), peek() == UInt8(ascii: "s") { i += 1 }
            groups += 1
        }
        if let c = peek(), Lexer.isAlphaNumeric(c) || c == UInt8(ascii: ".") { return false }
        return groups > 0
    }

    private mutating func raw(_ start: Int) throws(ParseError) -> Token {
        i += 1
        while let c = peek() {
            if c == UInt8(ascii: "`") {
                i += 1
                return Token(kind: .string, text: text(start + 1, i - 1), pos: start, end: i)
            }
            i += 1
        }
        throw fail(start, "unterminated raw string")
    }

    private mutating func quoted(_ start: Int, quote: UInt8) throws(ParseError) -> Token {
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek() else { throw fail(start, "unterminated quoted string") }
            if c == 0x0a { throw fail(start, "unterminated quoted string") }
            if c == quote {
                i += 1
                break
            }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            let escPos = i
            i += 1
            guard let e = peek() else { throw fail(start, "unterminated quoted string") }
            i += 1
            switch e {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0b)
            case UInt8(ascii: "\\"): out.append(0x5c)
            case quote: out.append(quote)
            case UInt8(ascii: "x"):
                out.append(UInt8(try hexDigits(2, escPos)))
            case UInt8(ascii: "u"):
                out.append(contentsOf: try scalarBytes(try hexDigits(4, escPos), escPos))
            case UInt8(ascii: "U"):
                out.append(contentsOf: try scalarBytes(try hexDigits(8, escPos), escPos))
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 0x30)
                for _ in 0..<2 {
                    guard let d = peek(), d >= 0x30, d <= 0x37 else {
                        throw fail(escPos, "unknown escape sequence")
                    }
                    v = v * 8 + UInt32(d - 0x30)
                    i += 1
                }
                if v > 255 { throw fail(escPos, "octal escape value > 255: \(v)") }
                out.append(UInt8(v))
            default:
                throw fail(escPos, "unknown escape sequence \(charDescription(at: escPos + 1))")
            }
        }
        return Token(kind: .string, text: String(decoding: out, as: UTF8.self), pos: start, end: i)
    }

    private mutating func hexDigits(_ n: Int, _ escPos: Int) throws(ParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<n {
            guard let d = peek(), let h = hexValue(d) else { throw fail(escPos, "illegal character in escape sequence") }
            v = v * 16 + h
            i += 1
        }
        return v
    }

    private func hexValue(_ d: UInt8) -> UInt32? {
        switch d {
        case 0x30...0x39: return UInt32(d - 0x30)
        case 0x61...0x66: return UInt32(d - 0x61 + 10)
        case 0x41...0x46: return UInt32(d - 0x41 + 10)
        default: return nil
        }
    }

    private func scalarBytes(_ v: UInt32, _ escPos: Int) throws(ParseError) -> [UInt8] {
        guard let s = Unicode.Scalar(v) else { throw fail(escPos, "escape sequence is invalid Unicode code point") }
        return Array(String(Character(s)).utf8)
    }
}
