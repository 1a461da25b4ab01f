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

    /// Merges target labels into scraped ones.
    ///
    /// With `honor_labels: false` a scraped label that clashes with a target label is kept as
    /// `exported_<name>` (prefixed again while that name is taken too); with `true` the scraped
    /// label wins and the target label is dropped.
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
        if !clash { return Labels(scraped + labels.pairs) }
        var byName: [String: String] = [:]
        for l in scraped { byName[l.name] = l.value }
        for t in labels.pairs {
            if let existing = byName[t.name], !existing.isEmpty {
                if honorLabels { continue }
                var exported = "exported_" + t.name
                while byName[exported] != nil { exported = "exported_" + exported }
                byName[exported] = existing
            }
            byName[t.name] = t.value
        }
        return Labels(byName.map { Label($0.key, $0.value) })
    }
}
