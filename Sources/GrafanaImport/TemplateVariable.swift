/// One entry of a Grafana dashboard's `templating.list`, reduced to what a dashboard without
/// variables can use: a fixed value, or "every value" for variables filled from a query.
struct TemplateVariable: Hashable, Sendable {
    enum Resolution: Hashable, Sendable {
        /// `custom`, `constant`, `interval`, `textbox`: the saved (or first) value(s).
        case fixed
        /// `query`: Vigil has no variables yet, so matchers on it match every value.
        case flattened
        /// `datasource` and `adhoc`: nothing to put into a query.
        case ignored
    }

    var name: String
    /// Grafana's `type` (`query`, `custom`, ...).
    var type: String
    var resolution: Resolution
    /// The values to substitute for `.fixed`; the saved selection for `.flattened` (empty when it
    /// was "All" or nothing was saved).
    var values: [String]
    /// Grafana formats values as a regex alternation when the variable is multi-value or has "All".
    var multi: Bool
    /// A custom "All" regex (Grafana's `allValue`), used when "All" is selected or when flattening.
    var allValue: String?
    /// For `label_values(metric, label)` query variables: the label, used to turn `$var` in legends
    /// into `{{label}}`.
    var label: String?
    /// The variable's query text, for notes.
    var definition: String?

    /// The `templating.list` entries by name; entries without a name are skipped.
    static func parse(_ dashboard: JSONValue, options: GrafanaImportOptions) -> [String: TemplateVariable] {
        var out: [String: TemplateVariable] = [:]
        for entry in dashboard["templating"]?["list"]?.array ?? [] {
            guard let name = entry["name"]?.string, !name.isEmpty else { continue }
            let v = make(name: name, entry: entry, options: options)
            if out[name] == nil { out[name] = v }
        }
        return out
    }

    private static func make(name: String, entry: JSONValue, options: GrafanaImportOptions) -> TemplateVariable {
        let type = entry["type"]?.string ?? "query"
        let query = entry["query"]?.string ?? entry["query"]?["query"]?.string ?? entry["definition"]?.string
        let includeAll = entry["includeAll"]?.bool ?? false
        let multi = (entry["multi"]?.bool ?? false) || includeAll
        let allValue = entry["allValue"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let current = currentValues(entry)
        let isAll = current.contains("$__all") || current.contains("All") && includeAll
        var v = TemplateVariable(name: name, type: type, resolution: .fixed, values: [], multi: multi,
                                 allValue: allValue, label: nil, definition: query)
        switch type {
        case "datasource", "adhoc":
            v.resolution = .ignored
        case "query":
            v.resolution = .flattened
            v.values = isAll ? [] : current
            v.label = query.flatMap(labelValuesLabel)
        case "constant":
            v.values = [query ?? current.first ?? ""]
        case "textbox":
            v.values = [current.first ?? query ?? ""]
        case "interval":
            let choices = splitList(query ?? "")
            var value = current.first ?? choices.first ?? options.interval
            if value.hasPrefix("$__auto") || value == "auto" { value = options.interval }
            v.values = [value]
            v.multi = false
        default:
            // custom and anything newer with a fixed option list.
            let choices = optionValues(entry, query: query)
            if isAll {
                v.values = choices
            } else {
                v.values = current.isEmpty ? Array(choices.prefix(1)) : current
            }
            if v.values.isEmpty && current.isEmpty && choices.isEmpty {
                v.resolution = .flattened
            }
        }
        if isAll, let allValue, v.resolution == .fixed { v.values = [allValue] }
        return v
    }

    /// `current.value`, a string or a list of strings.
    private static func currentValues(_ entry: JSONValue) -> [String] {
        guard let value = entry["current"]?["value"] else { return [] }
        if let s = value.string { return s.isEmpty ? [] : [s] }
        return (value.array ?? []).compactMap(\.string)
    }

    /// The option values of a custom variable, from `options` or its comma-separated query
    /// (`a,b` or `key : value` pairs; `\,` escapes a comma).
    private static func optionValues(_ entry: JSONValue, query: String?) -> [String] {
        let listed = (entry["options"]?.array ?? []).compactMap { $0["value"]?.string }.filter { $0 != "$__all" }
        if !listed.isEmpty { return listed }
        return splitList(query ?? "").map { item in
            if let r = item.firstRange(of: " : ") { return String(item[r.upperBound...]) }
            return item
        }
    }

    /// Splits on commas not escaped with a backslash, trimming spaces.
    static func splitList(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in text {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "," { items.append(current.trimmed(" ")); current = ""; continue }
            current.append(c)
        }
        items.append(current.trimmed(" "))
        return items.filter { !$0.isEmpty }
    }

    /// The label of `label_values(label)` or `label_values(metric{...}, label)`.
    static func labelValuesLabel(_ query: String) -> String? {
        let q = query.trimmed(" \n\t")
        guard q.hasPrefix("label_values("), q.hasSuffix(")") else { return nil }
        let inner = q.dropFirst("label_values(".count).dropLast()
        var depth = 0
        var lastComma: String.Index?
        var quote: Character?
        for idx in inner.indices {
            let c = inner[idx]
            if let qc = quote { if c == qc { quote = nil }; continue }
            switch c {
            case "\"", "'", "`": quote = c
            case "(", "{", "[": depth += 1
            case ")", "}", "]": depth -= 1
            case "," where depth == 0: lastComma = idx
            default: break
            }
        }
        let label = (lastComma.map { String(inner[inner.index(after: $0)...]) } ?? String(inner)).trimmed(" ")
        guard !label.isEmpty, label.allSatisfy({ $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }),
              !(label.first?.isNumber ?? true) else { return nil }
        return label
    }
}
