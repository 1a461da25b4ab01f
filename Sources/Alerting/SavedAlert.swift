import TimeSeries

/// One pending or firing alert as written to the state file, so a restart can restore its `for`
/// timer as Prometheus restores it from `ALERTS_FOR_STATE`. Times are milliseconds since the epoch.
public struct SavedAlert: Sendable, Hashable, Codable {
    /// `file;group` (Prometheus's group key), and the alerting rule's name.
    public var group: String
    public var rule: String
    /// The alert's identifying labels (name-value pairs, sorted).
    public var labels: [[String]]
    public var activeAt: Int64
    public var firedAt: Int64?
    public var state: String
    /// The group's last evaluation when this was saved: the time of the last `ALERTS_FOR_STATE`
    /// sample, which Prometheus treats as the moment it went down.
    public var savedAt: Int64

    public init(group: String, rule: String, labels: Labels, activeAt: Int64, firedAt: Int64?, state: AlertState, savedAt: Int64) {
        self.group = group
        self.rule = rule
        self.labels = labels.pairs.map { [$0.name, $0.value] }
        self.activeAt = activeAt
        self.firedAt = firedAt
        self.state = state.description
        self.savedAt = savedAt
    }

    /// The labels back as `Labels`; nil when the file held something that is not name-value pairs.
    public var decodedLabels: Labels? {
        var pairs: [Label] = []
        for p in labels {
            guard p.count == 2 else { return nil }
            pairs.append(Label(p[0], p[1]))
        }
        return Labels(pairs)
    }
}

/// How restored `for` state is adjusted, as Prometheus's `--rules.alert.for-outage-tolerance`
/// and `--rules.alert.for-grace-period`.
public struct RestoreOptions: Sendable, Hashable {
    /// Alerts saved longer ago than this are not restored (default 1h).
    public var outageTolerance: Int64
    /// The least time an alert stays pending after a restart before it may fire (default 10m);
    /// rules with a shorter `for` are not restored at all.
    public var forGracePeriod: Int64

    public init(outageTolerance: Int64 = 3_600_000, forGracePeriod: Int64 = 600_000) {
        self.outageTolerance = outageTolerance
        self.forGracePeriod = forGracePeriod
    }
}
