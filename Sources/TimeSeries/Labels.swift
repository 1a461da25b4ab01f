/// A series identity: label pairs sorted by name, names unique, no empty values.
///
/// Prometheus treats a label with an empty value as absent; `init` drops such pairs so two
/// spellings of one series compare equal.
public struct Labels: Hashable, Sendable, Comparable, CustomStringConvertible {
    public private(set) var pairs: [Label]

    /// Builds from pairs in any order; later duplicates of a name win, empty values are dropped.
    public init(_ pairs: [Label]) {
        var sorted = pairs.filter { !$0.value.isEmpty }
        sorted.sort { $0.name < $1.name }
        var out: [Label] = []
        out.reserveCapacity(sorted.count)
        for p in sorted {
            if let last = out.last, last.name == p.name { out[out.count - 1] = p } else { out.append(p) }
        }
        self.pairs = out
    }

    /// Builds from pairs already sorted by unique name with no empty values (not checked in release).
    public init(sortedUnique pairs: [Label]) {
        assert(zip(pairs, pairs.dropFirst()).allSatisfy { $0.name < $1.name })
        self.pairs = pairs
    }

    public init(_ dict: [String: String]) {
        self.init(dict.map { Label($0.key, $0.value) })
    }

    public static let empty = Labels(sortedUnique: [])

    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    /// The value of `name`, or "" when absent (Prometheus's convention).
    public subscript(name: String) -> String {
        // Binary search: label sets are sorted by name.
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairs[mid].name < name { lo = mid + 1 } else { hi = mid }
        }
        return lo < pairs.count && pairs[lo].name == name ? pairs[lo].value : ""
    }

    public func has(_ name: String) -> Bool { !self[name].isEmpty }

    public var metricName: String { self[metricNameLabel] }

    /// A copy with `name` set to `value` (removed when `value` is empty).
    public func setting(_ name: String, _ value: String) -> Labels {
        var p = pairs.filter { $0.name != name }
        if !value.isEmpty { p.append(Label(name, value)) }
        p.sort { $0.name < $1.name }
        return Labels(sortedUnique: p)
    }

    public func removing(_ names: Set<String>) -> Labels {
        Labels(sortedUnique: pairs.filter { !names.contains($0.name) })
    }

    public func keeping(_ names: Set<String>) -> Labels {
        Labels(sortedUnique: pairs.filter { names.contains($0.name) })
    }

    public func withoutMetricName() -> Labels { removing([metricNameLabel]) }

    public static func < (a: Labels, b: Labels) -> Bool {
        for (x, y) in zip(a.pairs, b.pairs) {
            if x.name != y.name { return x.name < y.name }
            if x.value != y.value { return x.value < y.value }
        }
        return a.pairs.count < b.pairs.count
    }

    /// Prometheus's text form: `name{a="b", c="d"}` with the value escaped.
    public var description: String {
        var out = metricName
        let rest = pairs.filter { $0.name != metricNameLabel }
        if rest.isEmpty && !out.isEmpty { return out }
        out += "{"
        out += rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ", ")
        out += "}"
        return out
    }

    /// Escapes a label value as the exposition format does: backslash, double quote, newline.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
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
}
