/// A list of matchers as a dictionary key, independent of the matchers' order: selectors with
/// the same matchers select the same series, so they can share one lookup or one fetch.
public struct LabelMatcherSet: Hashable, Sendable {
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

    /// Keys of lists equal as sets (`sameSet`) are equal: parts are sorted and deduplicated.
    public init(_ matchers: [LabelMatcher]) {
        parts = matchers.map { Part(name: $0.name, kind: $0.kind, value: $0.value) }
        if parts.count > 1 {
            parts.sort(by: Part.less)
            var unique: [Part] = []
            unique.reserveCapacity(parts.count)
            for p in parts where unique.last != p { unique.append(p) }
            parts = unique
        }
    }

    /// True when both lists hold the same matchers, in any order (a repeated matcher selects
    /// nothing more, so lists equal as sets select the same series). Cheaper than building keys
    /// when only a few lists are compared.
    public static func sameSet(_ a: [LabelMatcher], _ b: [LabelMatcher]) -> Bool {
        // The usual case: the same matchers in the same order.
        if a.count == b.count {
            var inOrder = true
            for i in a.indices where !same(a[i], b[i]) {
                inOrder = false
                break
            }
            if inOrder { return true }
        }
        func covers(_ x: [LabelMatcher], _ y: [LabelMatcher]) -> Bool {
            x.allSatisfy { m in y.contains { same($0, m) } }
        }
        return covers(a, b) && covers(b, a)
    }

    @inline(__always)
    static func same(_ x: LabelMatcher, _ y: LabelMatcher) -> Bool {
        x.kind == y.kind && x.name == y.name && x.value == y.value
    }
}
