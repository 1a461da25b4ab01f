/// Prints parsed samples one per line in a canonical form for `vigil parse`:
/// `name{label="value",...} value [timestamp_ms]` with labels sorted by name, `__name__` left out of
/// the braces, no braces for a bare name, and values formatted by the caller's formatter (the app
/// passes Go's `FormatFloat(v, 'g', -1, 64)` equivalent).
///
/// Names outside the legacy character set are written in the quoted form Prometheus 3.x accepts:
/// `{"my.metric",label="x"}`, and `"label.name"="x"`.
public struct CanonicalPrinter: Sendable {
    private let formatValue: @Sendable (Double) -> String

    public init(formatValue: @escaping @Sendable (Double) -> String) {
        self.formatValue = formatValue
    }

    /// Runs the parser to its end, appending one line (with `\n`) per sample to `output`. Metadata
    /// and comments are skipped. On a parse error the lines printed so far stay in `output` and the
    /// error is rethrown.
    public func render(_ parser: inout ExpositionParser, into output: inout String) throws(ExpositionError) {
        while let entry = try parser.next() {
            guard case .series = entry else { continue }
            output += line(for: &parser)
            output += "\n"
        }
    }

    /// Parses `bytes` and returns the printed samples.
    public func render(bytes: [UInt8], format: ExpositionFormat) throws(ExpositionError) -> String {
        var parser = ExpositionParser(bytes: bytes, format: format)
        var output = ""
        try render(&parser, into: &output)
        return output
    }

    /// The canonical line (without newline) for the parser's current series.
    public func line(for parser: inout ExpositionParser) -> String {
        let labels = parser.labels()
        var name = ""
        var pairs: [String] = []
        pairs.reserveCapacity(labels.count)
        for l in labels {
            if l.name == "__name__" {
                name = l.value
            } else {
                let key = Self.isLegacyName(l.name, colons: false) ? l.name : "\"" + Self.escape(l.name) + "\""
                pairs.append(key + "=\"" + Self.escape(l.value) + "\"")
            }
        }
        var out: String
        if Self.isLegacyName(name, colons: true) {
            out = name
            if !pairs.isEmpty { out += "{" + pairs.joined(separator: ",") + "}" }
        } else {
            out = "{\"" + Self.escape(name) + "\"" + pairs.map { "," + $0 }.joined() + "}"
        }
        out += " " + formatValue(parser.value)
        if let ts = parser.timestamp { out += " " + String(ts) }
        return out
    }

    /// Text-format escaping of a label value: `\` → `\\`, `"` → `\"`, newline → `\n`.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 92 || $0 == 34 || $0 == 10 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 4)
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*` (colons only for metric names).
    static func isLegacyName(_ s: String, colons: Bool) -> Bool {
        var first = true
        for c in s.utf8 {
            let ok = first
                ? (colons ? ByteClass.isMetricNameStart(c) : ByteClass.isLabelNameStart(c))
                : (colons ? ByteClass.isMetricNameContinue(c) : ByteClass.isLabelNameContinue(c))
            if !ok { return false }
            first = false
        }
        return !first
    }
}
