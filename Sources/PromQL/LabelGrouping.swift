import TimeSeries

/// An aggregation's `by`/`without` clause, resolved once per evaluation: the group labels of
/// each input sample are then a filter over its pairs, with no per-sample set building.
struct LabelGrouping {
    let without: Bool
    /// `by`: the names kept; `without`: the names dropped (with `__name__`).
    let names: [String]
    /// For long lists, the same names hashed.
    let set: Set<String>?

    init(_ a: AggregateExpr) {
        without = a.without
        var n = a.grouping
        if a.without && !n.contains(metricNameLabel) { n.append(metricNameLabel) }
        names = n
        set = n.count > 8 ? Set(n) : nil
    }

    @inline(__always)
    func listed(_ name: String) -> Bool {
        if let set { return set.contains(name) }
        for n in names where n == name { return true }
        return false
    }

    /// The labels identifying `l`'s group.
    func apply(_ l: Labels) -> Labels {
        if !without && names.isEmpty { return .empty }
        return Labels(sortedUnique: l.pairs.filter { listed($0.name) != without })
    }
}
