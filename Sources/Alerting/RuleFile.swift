/// A loaded and validated rule file.
public struct RuleFile: Sendable {
    public var path: String
    public var groups: [RuleGroup]

    public init(path: String, groups: [RuleGroup]) {
        self.path = path
        self.groups = groups
    }

    /// Number of rules in all groups.
    public var ruleCount: Int { groups.reduce(0) { $0 + $1.rules.count } }
}
