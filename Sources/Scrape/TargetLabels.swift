import TimeSeries

/// The labels a target adds to every series it produces (`job`, `instance`, static labels), and
/// how conflicts with scraped labels resolve, as Prometheus's `honor_labels` defines.
public struct TargetLabels: Sendable {
    public let labels: Labels
    public let honorLabels: Bool

    public init(_ labels: Labels, honorLabels: Bool = false) {
        self.labels = labels
        self.honorLabels = honorLabels
    }

    /// Merges target labels into scraped ones, as Prometheus's `mutateSampleLabels` does.
    ///
    /// With `honor_labels: true` a scraped label wins over a target label of the same name. With
    /// `false` the target label wins and the scraped value moves to `exported_<name>`, prefixed
    /// again while that name is taken; conflicts resolve shortest name first, after every target
    /// label is set.
    public func apply(to scraped: [Label]) -> Labels {
        if labels.isEmpty { return Labels(scraped) }
        // Usually no scraped label shares a name with a target label: then it is a plain union.
        var clash = false
        for t in labels.pairs where !clash {
            for l in scraped where l.name == t.name {
                clash = true
                break
            }
        }
        if !clash { return Self.union(scraped, labels.pairs) }
        var byName: [String: String] = [:]
        for l in scraped where !l.value.isEmpty { byName[l.name] = l.value }
        if honorLabels {
            for t in labels.pairs where byName[t.name] == nil { byName[t.name] = t.value }
            return Labels(byName.map { Label($0.key, $0.value) })
        }
        var conflicts: [Label] = []
        for t in labels.pairs {
            if let existing = byName[t.name] { conflicts.append(Label(t.name, existing)) }
            byName[t.name] = t.value
        }
        // A stable sort by name length, as Go's slices.SortStableFunc.
        let ordered = conflicts.enumerated().sorted {
            $0.element.name.utf8.count != $1.element.name.utf8.count
                ? $0.element.name.utf8.count < $1.element.name.utf8.count : $0.offset < $1.offset
        }
        for (_, c) in ordered {
            var name = c.name
            repeat { name = "exported_" + name } while byName[name] != nil
            byName[name] = c.value
        }
        return Labels(byName.map { Label($0.key, $0.value) })
    }

    /// Two label lists with no name in common as one label set. Both usually come sorted (the
    /// parser sorts, `Labels` is sorted), and then a merge suffices.
    static func union(_ a: [Label], _ b: [Label]) -> Labels {
        var out: [Label] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let takeA = j == b.count || (i < a.count && a[i].name < b[j].name)
            let next = takeA ? a[i] : b[j]
            if takeA { i += 1 } else { j += 1 }
            if next.value.isEmpty { continue }
            if let last = out.last, !(last.name < next.name) { return Labels(a + b) }  // not sorted after all
            out.append(next)
        }
        return Labels(sortedUnique: out)
    }
}
