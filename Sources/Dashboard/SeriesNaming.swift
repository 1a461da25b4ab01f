import TimeSeries

/// Legend names for a panel's series: a `{{label}}` template when the query has one, otherwise
/// the labels that tell the series apart (labels every series shares are left out). Every name is
/// sanitized: label values come from the network.
public enum SeriesNaming {
    /// Names for `labels`, one each, in order.
    public static func names(for labels: [Labels], template: String?, expr: String) -> [String] {
        if let template, !template.isEmpty {
            return labels.map { TerminalSafe.line(expand(template, $0)) }
        }
        guard !labels.isEmpty else { return [] }
        // Labels whose value is the same on every series.
        var common: [String: String] = [:]
        for p in labels[0].pairs { common[p.name] = p.value }
        for l in labels.dropFirst() {
            for (name, value) in common where l[name] != value { common[name] = nil }
        }
        if labels.count == 1 { common = [:] }
        return labels.map { l in
            let distinct = l.pairs.filter { $0.name != metricNameLabel && common[$0.name] == nil }
            var name = common[metricNameLabel] == nil ? l.metricName : ""
            if !distinct.isEmpty {
                let inner = distinct.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
                name = name.isEmpty ? inner : "\(name){\(inner)}"
            }
            if name.isEmpty { name = labels.count == 1 && l.metricName.isEmpty ? expr : (l.metricName.isEmpty ? expr : l.metricName) }
            return TerminalSafe.line(name)
        }
    }

    /// `{{ name }}` replaced by the label's value (absent labels give "").
    public static func expand(_ template: String, _ labels: Labels) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = after[..<close.lowerBound].trimmingCharacters(in: " ")
            out += labels[name]
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
