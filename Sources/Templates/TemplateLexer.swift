import TimeSeries
/// Splits template source into tokens exactly as Go's `text/template/parse` lexer does
/// (delimiters, trim markers, comments, quoting), so positions and errors line up with Go.
struct TemplateLexer {
    private let input: [UInt8]
    private var pos = 0
    private var start = 0
    private var insideAction = false
    private var parenDepth = 0
    private var tokens: [TemplateToken] = []
    private var lineCache = (pos: 0, line: 1)

    init(_ input: [UInt8]) {
        self.input = input
    }

    /// All tokens, ending with `.eof` or the first `.error`.
    static func tokenize(_ input: [UInt8]) -> [TemplateToken] {
        var lexer = TemplateLexer(input)
        lexer.run()
        return lexer.tokens
    }

    private mutating func run() {
        while true {
            let done = insideAction ? lexInsideAction() : lexText()
            if done { return }
        }
    }

    // MARK: - Helpers

    private mutating func line(at p: Int) -> Int {
        if p < lineCache.pos { lineCache = (0, 1) }
        var line = lineCache.line
        var i = lineCache.pos
        while i < p {
            if input[i] == 0x0A { line += 1 }
            i += 1
        }
        lineCache = (p, line)
        return line
    }

    private mutating func emit(_ kind: TemplateToken.Kind) {
        let value = String(decoding: input[start..<pos], as: UTF8.self)
        tokens.append(TemplateToken(kind: kind, pos: start, value: value, line: line(at: start)))
        start = pos
    }

    /// Emits an error token and stops lexing.
    private mutating func fail(_ message: String) -> Bool {
        tokens.append(TemplateToken(kind: .error, pos: start, value: message, line: line(at: start)))
        return true
    }

    private func hasPrefix(_ s: String, at p: Int) -> Bool {
        let bytes = Array(s.utf8)
        guard p + bytes.count <= input.count else { return false }
        return input[p..<(p + bytes.count)].elementsEqual(bytes)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    private func byte(_ p: Int) -> UInt8? { p < input.count ? input[p] : nil }

    /// Decodes the scalar at `p` (U+FFFD for invalid UTF-8).
    private func scalar(at p: Int) -> (Unicode.Scalar, Int)? {
        guard p < input.count else { return nil }
        let b0 = input[p]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard width > 1, p + width <= input.count else { return ("\u{FFFD}", 1) }
        var v = UInt32(b0) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for i in 1..<width {
            let b = input[p + i]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = v << 6 | UInt32(b & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return ("\u{FFFD}", 1) }
        return (s, width)
    }

    static func isAlphaNumeric(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber:
            return true
        default:
            return false
        }
    }

    private func isAlphaNumeric(at p: Int) -> Bool {
        guard let (s, _) = scalar(at: p) else { return false }
        return TemplateLexer.isAlphaNumeric(s)
    }

    private func hasLeftTrimMarker(at p: Int) -> Bool {
        p + 1 < input.count && input[p] == UInt8(ascii: "-") && TemplateLexer.isSpace(input[p + 1])
    }

    private func hasRightTrimMarker(at p: Int) -> Bool {
        p + 1 < input.count && TemplateLexer.isSpace(input[p]) && input[p + 1] == UInt8(ascii: "-")
    }

    /// Whether a right delimiter (optionally trim-marked) starts at `pos`.
    private func atRightDelim() -> (delim: Bool, trim: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix("}}", at: pos + 2) { return (true, true) }
        if hasPrefix("}}", at: pos) { return (true, false) }
        return (false, false)
    }

    private func atTerminator() -> Bool {
        guard let b = byte(pos) else { return true }
        if TemplateLexer.isSpace(b) { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"),
             UInt8(ascii: ")"), UInt8(ascii: "("):
            return true
        default:
            return hasPrefix("}}", at: pos)
        }
    }

    private func skipSpaces(from p: Int) -> Int {
        var p = p
        while p < input.count && TemplateLexer.isSpace(input[p]) { p += 1 }
        return p
    }

    // MARK: - States

    private mutating func lexText() -> Bool {
        var x = pos
        var found = false
        while x + 1 < input.count {
            if input[x] == UInt8(ascii: "{") && input[x + 1] == UInt8(ascii: "{") {
                found = true
                break
            }
            x += 1
        }
        guard found else {
            pos = input.count
            if pos > start { emit(.text) }
            emit(.eof)
            return true
        }
        if x > start {
            var end = x
            if hasLeftTrimMarker(at: x + 2) {
                while end > start && TemplateLexer.isSpace(input[end - 1]) { end -= 1 }
            }
            pos = end
            if end > start { emit(.text) }
        }
        pos = x
        start = x
        return lexLeftDelim()
    }

    private mutating func lexLeftDelim() -> Bool {
        pos += 2
        let trim = hasLeftTrimMarker(at: pos)
        let after = trim ? 2 : 0
        if hasPrefix("/*", at: pos + after) {
            pos += after
            start = pos
            return lexComment()
        }
        emit(.leftDelim)
        insideAction = true
        pos += after
        start = pos
        parenDepth = 0
        return false
    }

    private mutating func lexComment() -> Bool {
        pos += 2
        var x = pos
        while x + 1 < input.count && !(input[x] == UInt8(ascii: "*") && input[x + 1] == UInt8(ascii: "/")) { x += 1 }
        if x + 1 >= input.count { return fail("unclosed comment") }
        pos = x + 2
        let (delim, trim) = atRightDelim()
        if !delim { return fail("comment ends before closing delimiter") }
        if trim { pos += 2 }
        pos += 2
        if trim { pos = skipSpaces(from: pos) }
        start = pos
        return false
    }

    private mutating func lexRightDelim(trim: Bool) -> Bool {
        if trim {
            pos += 2
            start = pos
        }
        pos += 2
        emit(.rightDelim)
        if trim {
            pos = skipSpaces(from: pos)
            start = pos
        }
        insideAction = false
        return false
    }

    private mutating func lexInsideAction() -> Bool {
        let (delim, trim) = atRightDelim()
        if delim {
            if parenDepth == 0 { return lexRightDelim(trim: trim) }
            return fail("unclosed left paren")
        }
        guard let (r, width) = scalar(at: pos) else { return fail("unclosed action") }
        let b = input[pos]
        if b < 0x80 && TemplateLexer.isSpace(b) { return lexSpace() }
        pos += width
        switch r {
        case "=": emit(.assign)
        case ":":
            if byte(pos) != UInt8(ascii: "=") { return fail("expected :=") }
            pos += 1
            emit(.declare)
        case "|": emit(.pipe)
        case "\"": return lexQuote()
        case "`": return lexRawQuote()
        case "$": return lexFieldOrVariable(.variable)
        case "'": return lexChar()
        case ".":
            if let n = byte(pos), n < UInt8(ascii: "0") || n > UInt8(ascii: "9") {
                return lexFieldOrVariable(.field)
            }
            if byte(pos) == nil { return lexFieldOrVariable(.field) }
            pos -= 1
            return lexNumber()
        case "+", "-", "0"..."9":
            pos -= 1
            return lexNumber()
        case "(":
            emit(.leftParen)
            parenDepth += 1
        case ")":
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren") }
            emit(.rightParen)
        default:
            if TemplateLexer.isAlphaNumeric(r) {
                pos -= width
                return lexIdentifier()
            }
            if r.value < 0x80 && GoQuote.isPrint(r) {
                emit(.char)
            } else {
                return fail("unrecognized character in action: \(GoQuote.unicodeForm(r))")
            }
        }
        return false
    }

    private mutating func lexSpace() -> Bool {
        var numSpaces = 0
        while let b = byte(pos), TemplateLexer.isSpace(b) {
            pos += 1
            numSpaces += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix("}}", at: pos + 1) {
            pos -= 1
            if numSpaces == 1 { return false }
        }
        emit(.space)
        return false
    }

    private mutating func lexIdentifier() -> Bool {
        while isAlphaNumeric(at: pos), let (_, w) = scalar(at: pos) { pos += w }
        if !atTerminator() { return badCharacter() }
        let word = String(decoding: input[start..<pos], as: UTF8.self)
        if let kw = TemplateToken.keywords[word] {
            emit(kw)
        } else if word == "true" || word == "false" {
            emit(.bool)
        } else {
            emit(.identifier)
        }
        return false
    }

    private mutating func badCharacter() -> Bool {
        let r = scalar(at: pos)?.0 ?? "\u{FFFD}"
        pos += scalar(at: pos)?.1 ?? 0
        return fail("bad character \(GoQuote.unicodeForm(r))")
    }

    private mutating func lexFieldOrVariable(_ kind: TemplateToken.Kind) -> Bool {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return false
        }
        while isAlphaNumeric(at: pos), let (_, w) = scalar(at: pos) { pos += w }
        if !atTerminator() { return badCharacter() }
        emit(kind)
        return false
    }

    private mutating func lexQuoted(_ quote: UInt8, kind: TemplateToken.Kind, unterminated: String) -> Bool {
        while true {
            guard let b = byte(pos) else { return fail(unterminated) }
            pos += 1
            if b == UInt8(ascii: "\\") {
                guard let n = byte(pos), n != 0x0A else { return fail(unterminated) }
                pos += 1
            } else if b == 0x0A {
                return fail(unterminated)
            } else if b == quote {
                break
            }
        }
        emit(kind)
        return false
    }

    private mutating func lexQuote() -> Bool {
        lexQuoted(UInt8(ascii: "\""), kind: .string, unterminated: "unterminated quoted string")
    }

    private mutating func lexChar() -> Bool {
        lexQuoted(UInt8(ascii: "'"), kind: .charConstant, unterminated: "unterminated character constant")
    }

    private mutating func lexRawQuote() -> Bool {
        while true {
            guard let b = byte(pos) else { return fail("unterminated raw quoted string") }
            pos += 1
            if b == UInt8(ascii: "`") { break }
        }
        emit(.rawString)
        return false
    }

    private mutating func accept(_ chars: String) -> Bool {
        if let b = byte(pos), chars.utf8.contains(b) {
            pos += 1
            return true
        }
        return false
    }

    private mutating func acceptRun(_ chars: String) {
        while accept(chars) {}
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") { digits = "0123456789abcdefABCDEF_" }
            else if accept("oO") { digits = "01234567_" }
            else if accept("bB") { digits = "01_" }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if isAlphaNumeric(at: pos) {
            pos += scalar(at: pos)?.1 ?? 1
            return false
        }
        return true
    }

    private mutating func lexNumber() -> Bool {
        if !scanNumber() { return badNumber() }
        if let b = byte(pos), b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
            if !scanNumber() || input[pos - 1] != UInt8(ascii: "i") { return badNumber() }
        }
        emit(.number)
        return false
    }

    private mutating func badNumber() -> Bool {
        fail("bad number syntax: " + GoQuote.quote(String(decoding: input[start..<pos], as: UTF8.self)))
    }
}
