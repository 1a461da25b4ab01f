/// What one evaluation of a rule group did: per-rule errors and sample counts, and the alerts
/// that became due for sending to notifiers at this evaluation.
public struct GroupEvaluation: Sendable {
    public struct RuleOutcome: Sendable {
        public var name: String
        public var kind: Rule.Kind
        /// The rule's error at this evaluation (query failure, limit, duplicate labels, rejected samples).
        public var error: String?
        /// Samples the rule produced (recorded series, or ALERTS and ALERTS_FOR_STATE samples).
        public var samples: Int
    }

    public var time: Int64
    public var rules: [RuleOutcome]
    /// Alerts needing a send (Prometheus's `sendAlerts`), with `lastSentAt`/`validUntil` set.
    public var alertsToSend: [Alert]

    /// The rules that failed, in group order.
    public var failures: [RuleOutcome] { rules.filter { $0.error != nil } }
}
