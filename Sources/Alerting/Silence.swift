import TimeSeries

/// A silence as Alertmanager models one: equality or regex matchers on alert labels, a time
/// range, who made it and why. Alerts it matches still show, marked silenced, and are not notified.
public struct Silence: Sendable, Hashable, Codable {
    public struct Matcher: Sendable, Hashable, Codable {
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

        /// The matcher as the store's `LabelMatcher`; throws for a regex that does not compile.
        func labelMatcher() throws -> LabelMatcher {
            switch (isRegex, isEqual) {
            case (false, true): return try LabelMatcher(.equal, name, value)
            case (false, false): return try LabelMatcher(.notEqual, name, value)
            case (true, true): return try LabelMatcher(.regexMatch, name, value)
            case (true, false): return try LabelMatcher(.regexNoMatch, name, value)
            }
        }
    }

    public var id: String
    public var matchers: [Matcher]
    /// Milliseconds since the epoch.
    public var startsAt: Int64
    public var endsAt: Int64
    public var createdBy: String
    public var comment: String

    public init(id: String, matchers: [Matcher], startsAt: Int64, endsAt: Int64, createdBy: String, comment: String) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// A silence for exactly one alert: an equality matcher per label.
    public static func forAlert(_ labels: Labels, id: String, from start: Int64, duration: Int64,
                                createdBy: String, comment: String) -> Silence {
        Silence(id: id, matchers: labels.pairs.map { Matcher(name: $0.name, value: $0.value) },
                startsAt: start, endsAt: start + duration, createdBy: createdBy, comment: comment)
    }

    public func isActive(at t: Int64) -> Bool { startsAt <= t && t < endsAt }

    /// True when every matcher matches (an absent label has the value ""). A silence with no
    /// matchers, or with a regex that does not compile, matches nothing.
    public func matches(_ labels: Labels) -> Bool {
        guard !matchers.isEmpty else { return false }
        for m in matchers {
            guard let lm = try? m.labelMatcher(), lm.matches(labels[m.name]) else { return false }
        }
        return true
    }
}
