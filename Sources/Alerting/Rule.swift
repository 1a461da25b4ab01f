import PromQL
import TimeSeries
import YAML

/// One rule of a rule file as Prometheus reads it: a recording rule (`record`) or an alerting
/// rule (`alert`), with its expression parsed once so every evaluation reuses the AST.
public struct Rule: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case recording = "record"
        case alerting = "alert"
    }

    public var kind: Kind
    /// The `record` metric name or the `alert` name.
    public var name: String
    /// The expression as written.
    public var expr: String
    /// The parsed expression, evaluated as is at every evaluation.
    public var query: Expr
    /// `for`, in milliseconds (alerting rules).
    public var holdDuration: Int64
    /// `keep_firing_for`, in milliseconds (alerting rules).
    public var keepFiringFor: Int64
    /// The rule's own labels merged over its group's labels, sorted by name (empty values kept,
    /// since setting a label to "" removes it from the output).
    public var labels: [Label]
    /// Annotation templates, sorted by name (alerting rules).
    public var annotations: [Label]
    /// Where the rule starts in its file.
    public var mark: Mark

    public init(kind: Kind, name: String, expr: String, query: Expr, holdDuration: Int64 = 0, keepFiringFor: Int64 = 0,
                labels: [Label] = [], annotations: [Label] = [], mark: Mark = Mark(line: 1, column: 1)) {
        self.kind = kind
        self.name = name
        self.expr = expr
        self.query = query
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
        self.labels = labels.sorted { $0.name < $1.name }
        self.annotations = annotations.sorted { $0.name < $1.name }
        self.mark = mark
    }
}

/// A list of rules evaluated in order at one timestamp, with the group's scheduling options.
public struct RuleGroup: Sendable {
    public var name: String
    /// The file the group was loaded from.
    public var file: String
    /// `interval` in milliseconds; nil means the global evaluation interval.
    public var interval: Int64?
    /// `query_offset` in milliseconds; nil means the global default (0).
    public var queryOffset: Int64?
    /// `limit`: the most series a recording rule, or alerts an alerting rule, may produce (0: no limit).
    public var limit: Int
    /// Group `labels` (already merged into each rule's labels).
    public var labels: [Label]
    public var rules: [Rule]
    public var mark: Mark

    public init(name: String, file: String = "", interval: Int64? = nil, queryOffset: Int64? = nil, limit: Int = 0,
                labels: [Label] = [], rules: [Rule], mark: Mark = Mark(line: 1, column: 1)) {
        self.name = name
        self.file = file
        self.interval = interval
        self.queryOffset = queryOffset
        self.limit = limit
        self.labels = labels.sorted { $0.name < $1.name }
        self.rules = rules
        self.mark = mark
    }
}

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
