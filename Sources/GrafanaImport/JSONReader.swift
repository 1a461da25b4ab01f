/// A strict RFC 8259 JSON reader with `line:column` errors and bounded nesting. Foundation's
/// parser on Linux reports only a character offset (and sometimes the wrong problem), and a user
/// pasting a hand-edited dashboard deserves to be told where it is broken.
struct JSONReader {
    private let bytes: [UInt8]
    private var i = 0
    private let maxDepth: Int

    /// Reads one JSON value filling the whole input (surrounding whitespace allowed).
    static func parse(_ bytes: [UInt8], maxDepth: Int = 200) throws(GrafanaImportError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.i = 3 }
        reader.skipSpace()
        guard reader.i < bytes.count else { throw reader.error("the input is empty: expected a JSON object") }
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.i < bytes.count { throw reader.error("unexpected \(reader.describeCurrent()) after the end of the JSON value") }
        return value
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Errors

    /// An error at byte offset `at` (default: the current position), with 1-based line and column
    /// (the column counts characters, not bytes).
    private func error(_ message: String, at: Int? = nil) -> GrafanaImportError {
        let end = min(at ?? i, bytes.count)
        var line = 1, column = 1
        var k = 0
        while k < end {
            if bytes[k] == 0x0A { line += 1; column = 1 } else if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return GrafanaImportError(message, line: line, column: column)
    }

    private func describeCurrent() -> String {
        guard i < bytes.count else { return "end of input" }
        let b = bytes[i]
        if b >= 0x21 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        return Self.hexByte(b)
    }

    private static func hexByte(_ b: UInt8) -> String {
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }

    // MARK: Values

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) throws(GrafanaImportError) -> JSONValue {
        guard depth < maxDepth else { throw error("JSON nested more than \(maxDepth) levels deep") }
        guard i < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected \(describeCurrent()), expected a value (object, list, string, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: String) throws(GrafanaImportError) {
        let start = i
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else {
                throw error("invalid literal: expected \"\(word)\"", at: start)
            }
            i += 1
        }
    }

    private mutating func object(depth: Int) throws(GrafanaImportError) -> JSONValue {
        i += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()) in an object, expected a quoted key")
            }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()) after the key \"\(key)\", expected ':'")
            }
            i += 1
            skipSpace()
            members[key] = try value(depth: depth + 1)
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in an object, expected ',' or '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("unexpected \(describeCurrent()) in an object, expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws(GrafanaImportError) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of input in a list, expected ',' or ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("unexpected \(describeCurrent()) in a list, expected ',' or ']'")
        }
    }

    private mutating func string() throws(GrafanaImportError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error("string is not valid UTF-8", at: start)
                }
                return s
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0..<0x20:
                throw error("control character (\(Self.hexByte(b))) in a string: write it as an escape")
            default:
                out.append(b)
                i += 1
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(GrafanaImportError) {
        let start = i
        i += 1
        guard i < bytes.count else { throw error("unterminated escape sequence", at: start) }
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4(start: start)
            if (0xD800...0xDBFF).contains(code) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate escape in a string", at: start)
                }
                i += 2
                let low = try hex4(start: start)
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate escape in a string", at: start) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw error("unpaired surrogate escape in a string", at: start)
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape", at: start) }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(e)))' in a string", at: start)
        }
    }

    private mutating func hex4(start: Int) throws(GrafanaImportError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error("\\u escape needs four hexadecimal digits", at: start) }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("\\u escape needs four hexadecimal digits", at: start)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func number() throws(GrafanaImportError) -> Double {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits()
        guard n > 0 else { throw error("invalid number: expected a digit", at: start) }
        if n > 1 && bytes[intStart] == UInt8(ascii: "0") { throw error("invalid number: leading zero", at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("invalid number: expected a digit after '.'", at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw error("invalid number: expected a digit in the exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let d = Double(text), d.isFinite else { throw error("number \(text) is out of range", at: start) }
        return d
    }
}
