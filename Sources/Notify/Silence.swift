/// A silence as Alertmanager's API v2 describes it (`gettableSilence`).
public struct Silence: Sendable, Hashable {
    /// One matcher: `name` `=`/`!=`/`=~`/`!~` `value`.
    public struct Matcher: Sendable, Hashable {
        public var name: String
        public var value: String
        public var isRegex: Bool
        public var isEqual: Bool

        public init(name: String, value: String, isRegex: Bool = false, isEqual: Bool = true) {
            self.name = name
            self.value = value
            self.isRegex = isRegex
            self.isEqual = isEqual
        }
    }

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
