/// Writing a dashboard back out as config YAML (the `dashboards:` format of docs/CONFIG.md), with
/// optional comment lines; `ConfigLoader.parse` reads the text back to an equal `DashboardConfig`.
extension DashboardConfig {
    /// Comment lines to place above the dashboard, above rows and above panels.
    public struct YAMLComments: Sendable {
        /// Above `dashboards:`.
        public var header: [String] = []
        /// Keyed by row index.
        public var rows: [Int: [String]] = [:]
        /// Keyed by row index, then panel index within the row.
        public var panels: [Int: [Int: [String]]] = [:]

        public init(header: [String] = [], rows: [Int: [String]] = [:], panels: [Int: [Int: [String]]] = [:]) {
            self.header = header
            self.rows = rows
            self.panels = panels
        }
    }

    /// A `dashboards:` section holding this one dashboard.
    public func yaml(comments: YAMLComments = YAMLComments()) -> String {
        var out = ""
        for line in comments.header { out += Self.comment(line, indent: 0) }
        out += "dashboards:\n"
        out += "  - title: \(Self.scalar(title))\n"
        if rows.isEmpty {
            out += "    rows: []\n"
            return out
        }
        out += "    rows:\n"
        for (r, row) in rows.enumerated() {
            for line in comments.rows[r] ?? [] { out += Self.comment(line, indent: 6) }
            var first = true
            func key(_ text: String) {
                out += (first ? "      - " : "        ") + text + "\n"
                first = false
            }
            if row.height != 1 { key("height: \(Self.number(row.height))") }
            if let m = row.minHeight { key("min_height: \(m)") }
            if row.panels.isEmpty {
                key("panels: []")
                continue
            }
            key("panels:")
            for (p, panel) in row.panels.enumerated() {
                for line in comments.panels[r]?[p] ?? [] { out += Self.comment(line, indent: 10) }
                out += panel.yamlItem(indent: 10)
            }
        }
        return out
    }

    /// `# text` at `indent`, one comment line per line of `text`.
    static func comment(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { pad + ($0.isEmpty ? "#" : "# " + Self.printable($0)) + "\n" }
            .joined()
    }

    /// Comment text with control characters replaced, so a comment cannot end early or break the stream.
    private static func printable(_ text: Substring) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    /// A number as YAML's core schema reads it back exactly (shortest round-trip form).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A string as a plain scalar when that reads back as the same string, a `|-` block for
    /// multi-line text (content at `indent` spaces), else quoted.
    static func scalar(_ text: String, indent: Int? = nil) -> String {
        if isPlainSafe(text) { return text }
        if let indent, isBlockSafe(text) {
            let pad = String(repeating: " ", count: indent)
            return "|-\n" + text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
        }
        let printable = text.unicodeScalars.allSatisfy { !isSpecial($0) }
        // Trailing blanks go in double quotes as escapes: the YAML reader drops unescaped blanks
        // before a closing quote.
        let scalars = Array(text.unicodeScalars)
        var trailing = scalars.count
        while trailing > 0, scalars[trailing - 1] == " " { trailing -= 1 }
        if printable && trailing == scalars.count { return "'" + text.replacingAll("'", with: "''") + "'" }
        var out = "\""
        for (index, u) in scalars.enumerated() {
            if index >= trailing {
                out += "\\x20"
                continue
            }
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isSpecial(u) {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += u.value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Multi-line text a literal block keeps exactly: printable, no tabs or carriage returns, no
    /// leading space or blank first line (the indentation would be misread), no trailing line break
    /// (`|-` strips it) and no lines of only spaces.
    private static func isBlockSafe(_ text: String) -> Bool {
        guard text.contains("\n"), let first = text.first, first != " ", first != "\n", text.last != "\n" else { return false }
        guard text.unicodeScalars.allSatisfy({ $0 == "\n" || !isSpecial($0) }) else { return false }
        return !text.split(separator: "\n").contains { line in line.allSatisfy { $0 == " " } }
    }

    /// Characters that must be escaped: controls, line/paragraph separators, BOM, non-characters.
    private static func isSpecial(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Plain scalars are kept to a conservative shape: words, spaces and a few punctuation marks,
    /// not starting with anything YAML or the core schema would read differently.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic, last != " " else { return false }
        let lower = text.lowercased()
        if ["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(lower) { return false }
        if lower.hasPrefix(".") { return false }
        for u in text.unicodeScalars {
            if u.properties.isAlphabetic || ("0"..."9").contains(u) { continue }
            if " _-./()".unicodeScalars.contains(u) { continue }
            return false
        }
        return !text.contains("  ")
    }
}

extension PanelConfig {
    /// This panel as a block sequence item at `indent` spaces.
    func yamlItem(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = pad + "- title: " + DashboardConfig.scalar(title) + "\n"
        func line(_ text: String) { out += pad + "  " + text + "\n" }
        line("type: \(type.rawValue)")
        if queries.count == 1, queries[0].legend == nil {
            line("query: " + DashboardConfig.scalar(queries[0].expr, indent: indent + 4))
        } else if !queries.isEmpty {
            line("queries:")
            for q in queries {
                line("  - expr: " + DashboardConfig.scalar(q.expr, indent: indent + 8))
                if let legend = q.legend { line("    legend: " + DashboardConfig.scalar(legend)) }
            }
        }
        if let text { line("text: " + DashboardConfig.scalar(text, indent: indent + 4)) }
        if unit != .auto { line("unit: \(unit.rawValue)") }
        if let min { line("min: \(DashboardConfig.number(min))") }
        if let max { line("max: \(DashboardConfig.number(max))") }
        if log { line("log: true") }
        if stacked { line("stacked: true") }
        if !thresholds.isEmpty {
            line("thresholds:")
            for t in thresholds { line("  - {value: \(DashboardConfig.number(t.value)), color: \(t.color.rawValue)}") }
        }
        if !quantiles.isEmpty { line("quantiles: [\(quantiles.map(DashboardConfig.number).joined(separator: ", "))]") }
        if width != 1 { line("width: \(DashboardConfig.number(width))") }
        if let minWidth { line("min_width: \(minWidth)") }
        return out
    }
}

private extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
