import TimeSeries

/// A selector's matcher set as a dictionary key, independent of the matchers' order: selectors
/// with the same matchers share one fetch from the querier within a query.
struct SelectorKey: Hashable {
    struct Part: Hashable {
        var name: String
        var kind: LabelMatcher.Kind
        var value: String

        static func less(_ a: Part, _ b: Part) -> Bool {
            if a.name != b.name { return a.name < b.name }
            if a.value != b.value { return a.value < b.value }
            return a.kind.rawValue < b.kind.rawValue
        }
    }

    var parts: [Part]

    /// True when both lists hold the same matchers, in any order (a repeated matcher selects
    /// nothing more, so lists equal as sets select the same series).
    static func sameSet(_ a: [LabelMatcher], _ b: [LabelMatcher]) -> Bool {
        func covers(_ x: [LabelMatcher], _ y: [LabelMatcher]) -> Bool {
            x.allSatisfy { m in y.contains { $0.name == m.name && $0.kind == m.kind && $0.value == m.value } }
        }
        return covers(a, b) && covers(b, a)
    }

    init(_ matchers: [LabelMatcher]) {
        parts = matchers.map { Part(name: $0.name, kind: $0.kind, value: $0.value) }
        if parts.count > 1 { parts.sort(by: Part.less) }
    }
}
