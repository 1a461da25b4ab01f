import TimeSeries

/// One metric in Explore: its name, type, help and how many series it has. Histogram and summary
/// families are one entry each (their `_bucket`, `_sum`, `_count` series counted under it).
public struct ExploreEntry: Hashable, Sendable {
    public var name: String
    public var type: MetricType
    public var help: String
    public var seriesCount: Int

    public init(name: String, type: MetricType, help: String, seriesCount: Int) {
        self.name = name
        self.type = type
        self.help = help
        self.seriesCount = seriesCount
    }

    /// The catalog's metrics grouped by family, sorted by name. Names and help are sanitized.
    public static func entries(series: [Labels], metadata: [String: MetricMetadata]) -> [ExploreEntry] {
        var counts: [String: Int] = [:]
        for l in series {
            var name = l.metricName
            for suffix in ["_bucket", "_sum", "_count", "_created"] where name.hasSuffix(suffix) {
                let base = String(name.dropLast(suffix.count))
                if let t = metadata[base]?.type, [.histogram, .summary, .gaugeHistogram].contains(t) { name = base }
                break
            }
            if !name.isEmpty { counts[name, default: 0] += 1 }
        }
        return counts.keys.sorted().map { name in
            let meta = metadata[name]
            var type = meta?.type ?? .unknown
            if type == .unknown || type == .untyped {
                // Without metadata, the naming convention says it.
                if name.hasSuffix("_total") { type = .counter }
            }
            return ExploreEntry(name: TerminalSafe.line(name), type: type, help: TerminalSafe.line(meta?.help ?? ""),
                                seriesCount: counts[name] ?? 0)
        }
    }

    /// Entries matching every word of `query` (case-insensitive) in the name or the help; name
    /// matches rank before help matches, prefixes first.
    public static func search(_ entries: [ExploreEntry], _ query: String) -> [ExploreEntry] {
        let words = query.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return entries }
        var ranked: [(Int, ExploreEntry)] = []
        for e in entries {
            let name = e.name.lowercased(), help = e.help.lowercased()
            guard words.allSatisfy({ name.contains($0) || help.contains($0) }) else { continue }
            let rank = name.hasPrefix(words[0]) ? 0 : words.allSatisfy({ name.contains($0) }) ? 1 : 2
            ranked.append((rank, e))
        }
        return ranked.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.name < $1.1.name }.map(\.1)
    }
}
