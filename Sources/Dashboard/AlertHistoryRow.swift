/// One past or present firing of an alert, for the alert view's history: what fired, when, for
/// how long, and when it resolved (nil while it still fires).
public struct AlertHistoryRow: Hashable, Sendable {
    public var name: String
    /// The identifying labels as text (sanitized when drawn).
    public var labels: String
    public var firedAt: Int64
    public var resolvedAt: Int64?

    public init(name: String, labels: String, firedAt: Int64, resolvedAt: Int64?) {
        self.name = name
        self.labels = labels
        self.firedAt = firedAt
        self.resolvedAt = resolvedAt
    }
}

/// One silence for the alert view: its matchers, until when, who made it and why.
public struct SilenceRow: Hashable, Sendable {
    public var matchers: String
    public var endsAt: Int64
    public var createdBy: String
    public var comment: String
    public var active: Bool

    public init(matchers: String, endsAt: Int64, createdBy: String, comment: String, active: Bool) {
        self.matchers = matchers
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
        self.active = active
    }
}
