import Alerting

/// A silence as Alertmanager's API v2 describes it (`gettableSilence`): Vigil's own silence
/// (`Alerting.Silence`) plus the state and update time Alertmanager reports.
public struct Silence: Sendable, Hashable {
    /// One matcher: `name` `=`/`!=`/`=~`/`!~` `value` (the same matcher Vigil's silences use).
    public typealias Matcher = Alerting.Silence.Matcher

    public var id: String
    public var matchers: [Matcher]
    /// Milliseconds since the epoch.
    public var startsAt: Int64
    public var endsAt: Int64
    public var createdBy: String
    public var comment: String
    /// `active`, `pending` or `expired`.
    public var state: String
    public var updatedAt: Int64?

    public init(id: String = "", matchers: [Matcher], startsAt: Int64, endsAt: Int64, createdBy: String, comment: String,
                state: String = "", updatedAt: Int64? = nil) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
        self.state = state
        self.updatedAt = updatedAt
    }

    /// Matchers that select exactly the alert with these labels (`name="value"` each).
    public static func matchers(for labels: [(String, String)]) -> [Matcher] {
        labels.map { Matcher(name: $0.0, value: $0.1) }
    }
}
