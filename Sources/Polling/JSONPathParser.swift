/// Parses the JSONPath subset `JSONPath` documents, one character at a time, with the column of
/// every error. Bounded: expressions longer than 4096 characters and filters nested more than 32
/// levels are refused, so parsing never recurses without limit.
struct JSONPathParser {
    static let maxLength = 4096
    static let maxNesting = 32

    private let text: String
    private let chars: [Character]
    private var i = 0
    private var nesting = 0

    private init(_ text: String) {
        self.text = text
        chars = Array(text)
    }

    static func parse(_ text: String) throws(JSONPathError) -> JSONPath {
        var p = JSONPathParser(text)
        guard p.chars.count <= maxLength else {
            throw JSONPathError(expression: String(text.prefix(40)) + "…", column: 0,
                                message: "longer than \(maxLength) characters")
        }
        let path = try p.path(inFilter: false)
        guard p.i == p.chars.count else { throw p.error("unexpected \(p.quoted(p.chars[p.i])); expected '.', '..' or '['") }
        return path
    }

    private func error(_ message: String, at column: Int? = nil) -> JSONPathError {
        JSONPathError(expression: text, column: (column ?? i) + 1, message: message)
    }

    private func quoted(_ c: Character) -> String { c == "'" ? "\"'\"" : "'\(c)'" }

    private var current: Character? { i < chars.count ? chars[i] : nil }

    private func peek(_ offset: Int) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

    private var found: String { current.map { quoted($0) } ?? "the end" }

    /// `$` or `@` followed by segments. In a filter, a path ends at the first character that cannot
    /// continue it (a space, an operator, a parenthesis).
    private mutating func path(inFilter: Bool) throws(JSONPathError) -> JSONPath {
        let start = i
        let root: JSONPath.Root
        switch current {
        case "$": root = .document
        case "@": root = .current
        default: throw error("a path starts with '$' (or '@' for the current element), found \(found)")
        }
        i += 1
        var segments: [JSONPath.Segment] = []
        while let c = current {
            if c == "." {
                if peek(1) == "." {
                    i += 2
                    segments.append(.descendant(try afterDot(descendant: true)))
                } else {
                    i += 1
                    segments.append(.child(try afterDot(descendant: false)))
                }
            } else if c == "[" {
                segments.append(.child(try bracket()))
            } else if inFilter {
                break
            } else {
                throw error("unexpected \(quoted(c)); expected '.', '..' or '['")
            }
        }
        return JSONPath(root: root, segments: segments, text: String(chars[start..<i]))
    }

    /// What follows `.` or `..`: a name, `*`, or (after `..`) a bracket.
    private mutating func afterDot(descendant: Bool) throws(JSONPathError) -> JSONPath.Selector {
        guard let c = current else { throw error("expected a member name or '*' after '\(descendant ? ".." : ".")'") }
        if c == "*" {
            i += 1
            return .wildcard
        }
        if c == "[" && descendant { return try bracket() }
        guard Self.isNameStart(c) else {
            let hint = c == "'" || c == "\"" ? "; quoted names go in brackets: ['name']" : ""
            throw error("expected a member name or '*', found \(quoted(c))\(hint)")
        }
        let start = i
        while let n = current, Self.isNameChar(n) { i += 1 }
        return .name(String(chars[start..<i]))
    }

    static func isNameStart(_ c: Character) -> Bool {
        c == "_" || (c.isASCII ? c.isLetter : !c.isWhitespace)
    }

    static func isNameChar(_ c: Character) -> Bool {
        isNameStart(c) || c.isASCII && (c.isNumber || c == "-")
    }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1 }
    }

    /// `[*]`, `[?…]`, `['a']`, `[0]`, `['a', 0]`, `[1:3]`, `[::2]`.
    private mutating func bracket() throws(JSONPathError) -> JSONPath.Selector {
        let open = i
        i += 1
        skipSpaces()
        let selector: JSONPath.Selector
        switch current {
        case "*":
            i += 1
            selector = .wildcard
        case "?":
            i += 1
            skipSpaces()
            selector = .filter(try logicalOr())
        case ":":
            selector = try slice(start: nil)
        case let c? where c == "'" || c == "\"" || c == "-" || c.isASCII && c.isNumber:
            var keys: [JSONKeySelector] = []
            while true {
                skipSpaces()
                if current == "'" || current == "\"" {
                    keys.append(.name(try stringLiteral()))
                } else {
                    let n = try integer()
                    skipSpaces()
                    if keys.isEmpty && current == ":" { return try finishBracket(open, try slice(start: n)) }
                    keys.append(.index(n))
                }
                skipSpaces()
                guard current == "," else { break }
                i += 1
            }
            if keys.count == 1 {
                switch keys[0] {
                case .name(let s): selector = .name(s)
                case .index(let n): selector = .index(n)
                }
            } else {
                selector = .union(keys)
            }
        case nil:
            throw error("unclosed '[' (opened at column \(open + 1))")
        case let c?:
            throw error("unexpected \(quoted(c)) after '['; expected '*', '?', a quoted name or an index")
        }
        return try finishBracket(open, selector)
    }

    private mutating func finishBracket(_ open: Int, _ s: JSONPath.Selector) throws(JSONPathError) -> JSONPath.Selector {
        skipSpaces()
        guard current == "]" else {
            if current == nil { throw error("unclosed '[' (opened at column \(open + 1))") }
            throw error("expected ']', found \(found)")
        }
        i += 1
        return s
    }

    /// After an optional start index, at the first ':'.
    private mutating func slice(start: Int?) throws(JSONPathError) -> JSONPath.Selector {
        i += 1
        skipSpaces()
        var end: Int?
        var step: Int?
        if let c = current, c == "-" || c.isASCII && c.isNumber { end = try integer() }
        skipSpaces()
        if current == ":" {
            i += 1
            skipSpaces()
            if let c = current, c == "-" || c.isASCII && c.isNumber {
                let at = i
                step = try integer()
                if step == 0 { throw error("a slice step must not be 0", at: at) }
            }
        }
        return .slice(start: start, end: end, step: step)
    }

    private mutating func integer() throws(JSONPathError) -> Int {
        let start = i
        if current == "-" { i += 1 }
        let digitsStart = i
        while let c = current, c.isASCII, c.isNumber { i += 1 }
        guard i > digitsStart else { throw error("expected a digit, found \(found)") }
        guard let n = Int(String(chars[start..<i])), abs(n) <= 1 << 53 else {
            throw error("index \(String(chars[start..<i])) is too large", at: start)
        }
        return n
    }

    /// A single- or double-quoted string with JSON-style escapes (`\'` too).
    private mutating func stringLiteral() throws(JSONPathError) -> String {
        let quote = chars[i], open = i
        i += 1
        var out = ""
        while let c = current {
            i += 1
            if c == quote { return out }
            guard c == "\\" else { out.append(c); continue }
            guard let e = current else { break }
            i += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "/", "\\", "'", "\"": out.append(e)
            case "u":
                let hex = String(chars[i..<min(i + 4, chars.count)])
                guard hex.count == 4, let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else {
                    throw error("\\u must be followed by four hex digits naming a character", at: i - 2)
                }
                i += 4
                out.unicodeScalars.append(u)
            default:
                throw error("unknown escape '\\\(e)'", at: i - 2)
            }
        }
        throw error("unterminated string (opened at column \(open + 1))", at: open)
    }

    // MARK: filters

    private mutating func nested<T>(_ body: (inout JSONPathParser) throws(JSONPathError) -> T) throws(JSONPathError) -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else { throw error("filter nested more than \(Self.maxNesting) levels deep") }
        return try body(&self)
    }

    private mutating func logicalOr() throws(JSONPathError) -> JSONPathFilter {
        try nested { (p: inout JSONPathParser) throws(JSONPathError) -> JSONPathFilter in
            var left = try p.logicalAnd()
            while p.consume("||") { left = .or(left, try p.logicalAnd()) }
            return left
        }
    }

    private mutating func logicalAnd() throws(JSONPathError) -> JSONPathFilter {
        var left = try unary()
        while consume("&&") { left = .and(left, try unary()) }
        return left
    }

    private mutating func unary() throws(JSONPathError) -> JSONPathFilter {
        skipSpaces()
        if current == "!" && peek(1) != "=" {
            i += 1
            return .not(try nested { (p: inout JSONPathParser) throws(JSONPathError) in try p.unary() })
        }
        if current == "(" {
            let open = i
            i += 1
            let inner = try logicalOr()
            skipSpaces()
            guard current == ")" else {
                throw error(current == nil ? "unclosed '(' (opened at column \(open + 1))" : "expected ')', found \(found)")
            }
            i += 1
            skipSpaces()
            return inner
        }
        let leftStart = i
        let left = try operand()
        skipSpaces()
        if let op = try comparison() {
            skipSpaces()
            let right = try operand()
            skipSpaces()
            return .compare(left, op, right)
        }
        guard case .path(let p) = left else {
            throw error("a literal alone is not a test; compare it, like @.status == 'UP'", at: leftStart)
        }
        return .exists(p)
    }

    private mutating func consume(_ token: String) -> Bool {
        skipSpaces()
        let t = Array(token)
        guard i + t.count <= chars.count, Array(chars[i..<i + t.count]) == t else { return false }
        i += t.count
        return true
    }

    private mutating func comparison() throws(JSONPathError) -> JSONPathFilter.Comparison? {
        for op in ["==", "!=", "<=", ">=", "<", ">"] where consume(op) {
            return JSONPathFilter.Comparison(rawValue: op)
        }
        if current == "=" { throw error("use '==' to compare, not '='") }
        return nil
    }

    private mutating func operand() throws(JSONPathError) -> JSONPathFilter.Operand {
        guard let c = current else { throw error("expected a path or a value, found the end") }
        switch c {
        case "@", "$":
            return .path(try path(inFilter: true))
        case "'", "\"":
            return .literal(.string(try stringLiteral()))
        case "-", "0"..."9":
            return .literal(.number(try number()))
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let w = Array(word)
                if i + w.count <= chars.count, Array(chars[i..<i + w.count]) == w,
                   !(peek(w.count).map(Self.isNameChar) ?? false) {
                    i += w.count
                    return .literal(value)
                }
            }
            if c == "=" { throw error("use '==' to compare, not '='") }
            throw error("expected a path (@… or $…), a quoted string, a number, true, false or null; found \(quoted(c))")
        }
    }

    private mutating func number() throws(JSONPathError) -> Double {
        let start = i
        if current == "-" { i += 1 }
        while let c = current, c.isASCII && (c.isNumber || c == "." || c == "e" || c == "E" || c == "+" || c == "-") { i += 1 }
        let s = String(chars[start..<i])
        guard let d = Double(s), d.isFinite, !s.hasPrefix("-.") else { throw error("invalid number \"\(s)\"", at: start) }
        return d
    }
}
