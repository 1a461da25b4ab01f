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
}
