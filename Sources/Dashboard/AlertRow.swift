/// One alert as the alert list shows it; the caller builds these from its alert state.
public struct AlertRow: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        case firing, pending, resolved
    }

    /// Identity used for silencing (e.g. the alert's label fingerprint).
    public var id: String
    public var name: String
    public var state: State
    public var severity: String
    public var summary: String
    /// When it became active (firing/pending) or was resolved, Unix ms.
    public var since: Int64
    /// Labels as `k=v` pairs for display.
    public var labels: [(String, String)]
    public var silenced: Bool

    public init(id: String, name: String, state: State, severity: String = "", summary: String = "", since: Int64,
                labels: [(String, String)] = [], silenced: Bool = false) {
        self.id = id
        self.name = name
        self.state = state
        self.severity = severity
        self.summary = summary
        self.since = since
        self.labels = labels
        self.silenced = silenced
    }

    public static func == (a: AlertRow, b: AlertRow) -> Bool {
        a.id == b.id && a.name == b.name && a.state == b.state && a.severity == b.severity && a.summary == b.summary
            && a.since == b.since && a.silenced == b.silenced && a.labels.map(\.0) == b.labels.map(\.0)
            && a.labels.map(\.1) == b.labels.map(\.1)
    }

    public func hash(into h: inout Hasher) {
        h.combine(id)
        h.combine(state)
        h.combine(since)
    }

    /// Firing first, then pending, then resolved; within a state the oldest first.
    public static func displayOrder(_ a: AlertRow, _ b: AlertRow) -> Bool {
        let rank: [State: Int] = [.firing: 0, .pending: 1, .resolved: 2]
        if a.state != b.state { return rank[a.state, default: 3] < rank[b.state, default: 3] }
        if a.since != b.since { return a.state == .resolved ? a.since > b.since : a.since < b.since }
        return a.name < b.name
    }
}
