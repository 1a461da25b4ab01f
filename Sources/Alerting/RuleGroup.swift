import TimeSeries
import YAML

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
