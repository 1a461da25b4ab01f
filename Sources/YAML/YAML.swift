/// Entry points of the YAML reader: text or bytes in, nodes (with positions) out.
public enum YAML {
    /// Reads a single-document stream. Returns nil when the stream holds no document;
    /// a stream with more than one document is an error (use `loadAll`).
    public static func load(_ text: String, file: String = "<input>", limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        let documents = try loadAll(text, file: file, limits: limits)
        if documents.count > 1 {
            let second = documents[1].mark
            throw YAMLError(file: file, mark: second, message: "expected a single document, found a second one (use loadAll for multi-document streams)")
        }
        return documents.first
    }

    /// Reads every document of a stream (`---` separated). An empty document is a null scalar.
    public static func loadAll(_ text: String, file: String = "<input>", limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLNode] {
        let scalars = try normalize(text, file: file)
        var parser = Parser(file: file, text: scalars, limits: limits)
        return try parser.parseStream()
    }

    /// Reads a single-document stream from UTF-8 bytes; invalid UTF-8 is an error at its position.
    public static func load(bytes: [UInt8], file: String = "<input>", limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try load(try UTF8Check.decode(bytes, file: file), file: file, limits: limits)
    }

    /// Reads every document from UTF-8 bytes.
    public static func loadAll(bytes: [UInt8], file: String = "<input>", limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLNode] {
        try loadAll(try UTF8Check.decode(bytes, file: file), file: file, limits: limits)
    }

    /// Line breaks become "\n" (CR LF and lone CR included); characters YAML does not allow
    /// in a stream are refused with their position.
    private static func normalize(_ text: String, file: String) throws(YAMLError) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var line = 1, column = 1
        var previousCR = false
        for u in text.unicodeScalars {
            if u == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = u == "\r"
            if u == "\r" || u == "\n" {
                out.append("\n")
                line += 1
                column = 1
                continue
            }
            let v = u.value
            let printable = v == 0x09 || (v >= 0x20 && v <= 0x7E) || v == 0x85 || (v >= 0xA0 && v != 0xFFFE && v != 0xFFFF)
            guard printable else {
                let code = String(v, radix: 16, uppercase: true)
                throw YAMLError(file: file, line: line, column: column,
                                message: "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) is not allowed in YAML")
            }
            out.append(u)
            column += 1
        }
        return out
    }
}
