/// Replaces Grafana template variables in PromQL text (`$var`, `${var}`, `${var:format}`,
/// `[[var]]`, and the built-ins `$__rate_interval`, `$__interval`, `$__range`, ...).
///
/// Fixed variables get their value, formatted as Grafana's Prometheus data source does (a single
/// value as is; several, or "All", as an escaped regex alternation). Query variables are
/// flattened: a label matcher on one matches every value (`instance="$node"` becomes
/// `instance=~".+"`), and a negative matcher on one is removed. Only known names are replaced,
/// as in Grafana, so `"$1"` in `label_replace` stays.
struct QueryInterpolator {
    struct Failure: Error, Hashable {
        var message: String
    }

    /// Built-in variables and what they become.
    private let builtins: [String: String]
    private let variables: [String: TemplateVariable]
    /// Names substituted (variables and built-ins), with how many texts used each.
    private(set) var used: [String: Int] = [:]
    /// Variables used outside a matcher that were fixed to their saved selection.
    private(set) var pinned: Set<String> = []
    /// Negative matchers removed because their variable was flattened.
    private(set) var removedNegations: [String: Int] = [:]

    init(variables: [String: TemplateVariable], options: GrafanaImportOptions) {
        self.variables = variables
        let interval = PromDurationText.milliseconds(options.interval) ?? 60_000
        let range = PromDurationText.milliseconds(options.range) ?? 3_600_000
        builtins = [
            "__rate_interval": options.rateInterval,
            "__interval": options.interval,
            "__auto": options.interval,
            "__interval_ms": String(interval),
            "__range": options.range,
            "__range_s": String(range / 1000),
            "__range_ms": String(range),
        ]
    }

    // MARK: Queries

    /// `expr` with every known variable replaced.
    mutating func interpolate(query expr: String) -> Result<String, Failure> {
        let input = Array(expr.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var usedHere: Set<String> = []
        var braceDepth = 0
        var dropNextComma = false
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == "\"" || c == "'" || c == "`" {
                guard let end = Self.stringEnd(input, from: i) else {
                    out.append(contentsOf: input[i...])  // unterminated: the parser will say so
                    break
                }
                let raw = Array(input[(i + 1)..<end])
                let matcher = braceDepth > 0 ? Self.matcherBefore(out) : nil
                switch rewriteString(raw, quote: c, matcher: matcher, out: &out, usedHere: &usedHere) {
                case .failure(let f): return .failure(f)
                case .success(let removed): dropNextComma = removed
                }
                i = end + 1
                continue
            }
            if dropNextComma {
                if c == " " || c == "\t" || c == "\n" { i += 1; continue }
                dropNextComma = false
                if c == "," {
                    i += 1
                    while i < input.count, input[i] == " " || input[i] == "\t" || input[i] == "\n" { i += 1 }
                    continue
                }
                if c == "}" { Self.trimTrailingComma(&out) }
            }
            if c == "{" { braceDepth += 1 }
            if c == "}" { braceDepth = max(0, braceDepth - 1) }
            if let ref = Self.reference(input, at: i), let result = bareValue(ref) {
                switch result {
                case .failure(let f): return .failure(f)
                case .success(let value):
                    out.append(contentsOf: value.unicodeScalars)
                    usedHere.insert(ref.name)
                    i = ref.end
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        for name in usedHere { used[name, default: 0] += 1 }
        var s = ""
        s.unicodeScalars.append(contentsOf: out)
        return .success(s)
    }

    /// A variable outside a label matcher: built-ins and fixed values go in as text; a flattened
    /// variable needs a saved selection. Unknown names give nil (left as written).
    private mutating func bareValue(_ ref: Reference) -> Result<String, Failure>? {
        if let b = builtins[ref.name] { return .success(b) }
        guard let v = variables[ref.name] else { return nil }
        switch v.resolution {
        case .ignored:
            return .success("")
        case .fixed:
            return .success(Self.format(v.values, ref.format, multi: v.multi))
        case .flattened:
            guard !v.values.isEmpty else {
                return .failure(Failure(message: "variable $\(ref.name) takes its values from a query and is used outside a label matcher, where it cannot stand for all values"))
            }
            pinned.insert(ref.name)
            return .success(Self.format(v.values, ref.format, multi: v.multi))
        }
    }

    /// Rewrites one string literal (`raw` is its content without quotes) into `out`. In a label
    /// matcher, flattened variables turn the matcher into a regex match on all values. Returns
    /// true when the matcher was removed (a negative matcher on a flattened variable).
    private mutating func rewriteString(_ raw: [Unicode.Scalar], quote: Unicode.Scalar, matcher: Matcher?,
                                        out: inout [Unicode.Scalar], usedHere: inout Set<String>) -> Result<Bool, Failure> {
        // Split into literal text and variable references.
        enum Piece { case text([Unicode.Scalar]), variable(Reference) }
        var pieces: [Piece] = []
        var text: [Unicode.Scalar] = []
        var k = 0
        while k < raw.count {
            if raw[k] == "\\" && quote != "`" && k + 1 < raw.count {
                text.append(raw[k]); text.append(raw[k + 1]); k += 2; continue
            }
            if let ref = Self.reference(raw, at: k), builtins[ref.name] != nil || variables[ref.name] != nil {
                if !text.isEmpty { pieces.append(.text(text)); text = [] }
                pieces.append(.variable(ref))
                k = ref.end
                continue
            }
            text.append(raw[k])
            k += 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        let hasVariable = pieces.contains { if case .variable = $0 { true } else { false } }
        guard hasVariable else {
            out.append(quote); out.append(contentsOf: raw); out.append(quote)
            return .success(false)
        }

        guard let matcher else {
            // A string that is not a matcher value (a label_replace argument, say): plain text.
            var body: [Unicode.Scalar] = []
            for piece in pieces {
                switch piece {
                case .text(let t): body += t
                case .variable(let ref):
                    switch bareValue(ref) {
                    case .failure(let f): return .failure(f)
                    case .success(let v): body += Self.escape(v, quote: quote)
                    case nil: continue
                    }
                    usedHere.insert(ref.name)
                }
            }
            out.append(quote); out.append(contentsOf: body); out.append(quote)
            return .success(false)
        }

        // A matcher value: work out each variable's text and whether it needs a regex match.
        var parts: [(text: [Unicode.Scalar], literal: Bool)] = []
        var needsRegex = false
        var flattened: String?
        for piece in pieces {
            switch piece {
            case .text(let t):
                parts.append((t, true))
            case .variable(let ref):
                usedHere.insert(ref.name)
                if let b = builtins[ref.name] {
                    parts.append((Self.escape(b, quote: quote), false))
                    continue
                }
                guard let v = variables[ref.name] else { continue }
                switch v.resolution {
                case .ignored:
                    continue
                case .flattened:
                    flattened = ref.name
                    needsRegex = true
                    parts.append((Self.escape(v.allValue ?? ".+", quote: quote), false))
                case .fixed:
                    if let format = ref.format, format != "regex" {
                        parts.append((Self.escape(Self.format(v.values, format, multi: v.multi), quote: quote), false))
                    } else if v.values.count == 1 && (!v.multi || v.allValue == v.values[0]) && ref.format == nil {
                        if v.multi { needsRegex = true }  // the "All" regex
                        parts.append((Self.escape(v.values[0], quote: quote), false))
                    } else {
                        needsRegex = true
                        let alternation = Self.regexAlternation(v.values)
                        parts.append((Self.escape(alternation, quote: quote), false))
                    }
                }
            }
        }
        let negative = matcher.op == "!=" || matcher.op == "!~"
        if let flattened, negative {
            out.removeSubrange(matcher.labelStart...)
            removedNegations[flattened, default: 0] += 1
            return .success(true)
        }
        var body: [Unicode.Scalar] = []
        let convert = needsRegex && (matcher.op == "=" || matcher.op == "!=")
        for part in parts {
            body += part.literal && convert ? Self.regexEscapeRaw(part.text, quote: quote) : part.text
        }
        if convert {
            out.removeSubrange(matcher.opStart...)
            out.append(contentsOf: (matcher.op == "=" ? "=~" : "!~").unicodeScalars)
        }
        out.append(quote); out.append(contentsOf: body); out.append(quote)
        return .success(false)
    }

    // MARK: Legends, titles, text

    /// Legends, titles and text: fixed variables get their value; a flattened one becomes
    /// `{{label}}` in a legend (when its label is known) or `all` elsewhere. `{{label}}` is kept.
    func interpolate(text: String, legend: Bool) -> String {
        let input = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        while i < input.count {
            if let ref = Self.reference(input, at: i) {
                if let b = builtins[ref.name] {
                    out += b
                    i = ref.end
                    continue
                }
                if let v = variables[ref.name] {
                    switch v.resolution {
                    case .ignored: break
                    case .fixed: out += Self.format(v.values, ref.format ?? "csv", multi: false)
                    case .flattened: out += legend && v.label != nil ? "{{\(v.label ?? "")}}" : "all"
                    }
                    i = ref.end
                    continue
                }
            }
            out.unicodeScalars.append(input[i])
            i += 1
        }
        return out
    }

    // MARK: Scanning

    /// A variable reference in the text: its name, optional format and where it ends.
    struct Reference {
        var name: String
        var format: String?
        var end: Int
    }

    /// `$name`, `${name}`, `${name:format}`, `${name.path}`, `[[name]]`, `[[name:format]]` at `i`.
    static func reference(_ s: [Unicode.Scalar], at i: Int) -> Reference? {
        func word(_ from: Int) -> Int {
            var j = from
            while j < s.count, isWordScalar(s[j]) { j += 1 }
            return j
        }
        if s[i] == "$" && i + 1 < s.count {
            if s[i + 1] == "{" {
                let nameEnd = word(i + 2)
                guard nameEnd > i + 2 else { return nil }
                var j = nameEnd
                if j < s.count, s[j] == "." {
                    while j < s.count, s[j] != ":" && s[j] != "}" { j += 1 }
                }
                var format: String?
                if j < s.count, s[j] == ":" {
                    let start = j + 1
                    while j < s.count, s[j] != "}" { j += 1 }
                    format = String(String.UnicodeScalarView(s[start..<min(j, s.count)]))
                }
                guard j < s.count, s[j] == "}" else { return nil }
                return Reference(name: String(String.UnicodeScalarView(s[(i + 2)..<nameEnd])), format: format, end: j + 1)
            }
            let nameEnd = word(i + 1)
            guard nameEnd > i + 1 else { return nil }
            return Reference(name: String(String.UnicodeScalarView(s[(i + 1)..<nameEnd])), format: nil, end: nameEnd)
        }
        if s[i] == "[" && i + 2 < s.count && s[i + 1] == "[" {
            let nameEnd = word(i + 2)
            guard nameEnd > i + 2 else { return nil }
            var j = nameEnd
            var format: String?
            if j < s.count, s[j] == ":" {
                let start = j + 1
                j = word(start)
                format = String(String.UnicodeScalarView(s[start..<j]))
            }
            guard j + 1 < s.count, s[j] == "]", s[j + 1] == "]" else { return nil }
            return Reference(name: String(String.UnicodeScalarView(s[(i + 2)..<nameEnd])), format: format, end: j + 2)
        }
        return nil
    }

    private static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        u == "_" || ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
    }

    /// Index of the closing quote of the string starting at `start`, honouring backslash escapes
    /// (not in backtick strings).
    static func stringEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let quote = s[start]
        var j = start + 1
        while j < s.count {
            if s[j] == "\\" && quote != "`" { j += 2; continue }
            if s[j] == quote { return j }
            j += 1
        }
        return nil
    }

    /// The label matcher a string literal is the value of: `label op ` just before it.
    struct Matcher {
        var op: String
        var opStart: Int
        var labelStart: Int
    }

    static func matcherBefore(_ out: [Unicode.Scalar]) -> Matcher? {
        var j = out.count
        while j > 0, out[j - 1] == " " || out[j - 1] == "\t" || out[j - 1] == "\n" { j -= 1 }
        guard j > 0 else { return nil }
        let opStart: Int
        let before: Unicode.Scalar? = j >= 2 ? out[j - 2] : nil
        switch out[j - 1] {
        case "~":
            guard before == "=" || before == "!" else { return nil }
            opStart = j - 2
        case "=":
            if before == "!" {
                opStart = j - 2
            } else if before == "=" || before == "<" || before == ">" {
                return nil  // a comparison, not a matcher
            } else {
                opStart = j - 1
            }
        default:
            return nil
        }
        let op = String(String.UnicodeScalarView(out[opStart..<j]))
        var k = opStart
        while k > 0, out[k - 1] == " " || out[k - 1] == "\t" || out[k - 1] == "\n" { k -= 1 }
        let labelEnd = k
        while k > 0, isWordScalar(out[k - 1]) { k -= 1 }
        guard k < labelEnd else { return nil }
        return Matcher(op: op, opStart: opStart, labelStart: k)
    }

    /// Removes a `,` (and the spaces before it) at the end of `out`, after a removed last matcher.
    static func trimTrailingComma(_ out: inout [Unicode.Scalar]) {
        var j = out.count
        while j > 0, out[j - 1] == " " || out[j - 1] == "\t" || out[j - 1] == "\n" { j -= 1 }
        if j > 0, out[j - 1] == "," { out.removeSubrange((j - 1)...) }
    }

    // MARK: Formatting and escaping

    /// Values as Grafana formats them: `raw`/`text`/`csv` (comma-joined), `pipe`, `regex`,
    /// `singlequote`, `doublequote`, `json`, `glob`, `sqlstring`; no format: one value as is,
    /// several as a regex alternation when `multi`, else comma-joined.
    static func format(_ values: [String], _ format: String?, multi: Bool) -> String {
        switch format {
        case nil:
            if values.count == 1 { return values[0] }
            return multi ? regexAlternation(values) : values.joined(separator: ",")
        case "regex": return values.count == 1 ? regexEscape(values[0]) : regexAlternation(values)
        case "pipe": return values.joined(separator: "|")
        case "singlequote", "sqlstring": return values.map { "'" + $0.replacing("'", with: "\\'") + "'" }.joined(separator: ",")
        case "doublequote": return values.map { "\"" + $0.replacing("\"", with: "\\\"") + "\"" }.joined(separator: ",")
        case "json": return "[" + values.map { "\"" + $0.replacing("\"", with: "\\\"") + "\"" }.joined(separator: ",") + "]"
        case "glob": return values.count == 1 ? values[0] : "{" + values.joined(separator: ",") + "}"
        default: return values.joined(separator: ",")
        }
    }

    /// `(a|b)` with each value regex-escaped; one value without parentheses.
    static func regexAlternation(_ values: [String]) -> String {
        if values.count == 1 { return regexEscape(values[0]) }
        return "(" + values.map(regexEscape).joined(separator: "|") + ")"
    }

    /// RE2 metacharacters escaped with a backslash.
    static func regexEscape(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            if "\\^$.|?*+()[]{}".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Raw string-literal text (escapes kept) with regex metacharacters escaped, for a matcher
    /// turned from `=` into `=~`.
    static func regexEscapeRaw(_ raw: [Unicode.Scalar], quote: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var k = 0
        while k < raw.count {
            let c = raw[k]
            if c == "\\" && quote != "`" && k + 1 < raw.count {
                out.append(c); out.append(raw[k + 1]); k += 2; continue
            }
            if "^$.|?*+()[]{}".unicodeScalars.contains(c) {
                out += quote == "`" ? ["\\"] : ["\\", "\\"]
            }
            out.append(c)
            k += 1
        }
        return out
    }

    /// A value as the content of a PromQL string literal quoted with `quote`.
    static func escape(_ value: String, quote: Unicode.Scalar) -> [Unicode.Scalar] {
        if quote == "`" { return Array(value.unicodeScalars) }
        var out: [Unicode.Scalar] = []
        for c in value.unicodeScalars {
            if c == "\\" || c == quote { out.append("\\") }
            if c == "\n" { out += ["\\", "n"]; continue }
            out.append(c)
        }
        return out
    }
}
