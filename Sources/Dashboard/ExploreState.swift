/// Explore's state: the search text, the matching metrics, the selection, and the graphed metric
/// with how it is shown.
public struct ExploreState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable {
        case graph, table, raw
    }

    public var query = ""
    public var entries: [ExploreEntry] = []
    public var selected = 0
    /// The metric being graphed; nil shows the list.
    public var graphed: ExploreEntry?
    public var mode = Mode.graph
    /// When `entries` were last read from the catalog (Unix ms).
    public var loadedAt: Int64?

    public init() {}

    /// The entries matching the search.
    public var matches: [ExploreEntry] { ExploreEntry.search(entries, query) }

    /// The selected entry among the matches.
    public var selectedEntry: ExploreEntry? {
        let m = matches
        guard !m.isEmpty else { return nil }
        return m[min(max(0, selected), m.count - 1)]
    }
}
