/// A Sendable snapshot of one rule for the UI: health, last error and, for alerting rules,
/// its alert instances (resolved ones included while they are retained).
public struct RuleStatus: Sendable {
    public var rule: Rule
    public var health: RuleHealth
    public var lastError: String?
    /// Time (ms) of the last evaluation, nil before the first.
    public var lastEvaluation: Int64?
    public var alerts: [Alert]

    /// The highest state among the rule's alerts (inactive when it has none).
    public var state: AlertState {
        alerts.filter { $0.resolvedAt == nil }.map(\.state).max() ?? .inactive
    }
}
