import PromQL
import Synchronization
import TimeSeries

/// Evaluates one rule group at explicit timestamps (no clock of its own), as Prometheus's
/// `Group.Eval`: rules run in order at one time so later rules see what earlier ones wrote to
/// the store; results are written with staleness markers for series that disappear.
///
/// All mutable state sits behind one `Mutex`, held for a whole evaluation, so evaluations of
/// one group never interleave and snapshots are consistent.
public final class RuleGroupEvaluator: Sendable {
    public let group: RuleGroup
    public let context: RuleEvaluationContext

    struct RuleState {
        var health: RuleHealth = .unknown
        var lastError: String?
        var lastEvaluation: Int64?
        /// Series the rule wrote at its previous successful evaluation.
        var previousSeries: Set<SeriesRef> = []
        var alerting = AlertingRuleState()
    }

    struct State {
        var rules: [RuleState]
        var lastEvaluation: Int64?
        /// Series refs by labels, so repeated writes skip the store's label lookup.
        var refs: [Labels: SeriesRef] = [:]
        var templates = AlertTemplateCache()
    }

    /// External labels as the map templates see.
    let externalLabelMap: [String: String]

    let state: Mutex<State>

    public init(group: RuleGroup, context: RuleEvaluationContext) {
        self.group = group
        self.context = context
        externalLabelMap = context.externalLabels.pairs.reduce(into: [String: String]()) { $0[$1.name] = $1.value }
        state = Mutex(State(rules: Array(repeating: RuleState(), count: group.rules.count)))
    }

    /// The group's evaluation interval (ms): its own, else the global one.
    public var interval: Int64 { group.interval ?? context.evaluationInterval }

    /// The query offset (ms) applied to every rule of the group.
    public var queryOffset: Int64 { group.queryOffset ?? context.defaultQueryOffset }

    /// Evaluates every rule in order at `ts` (ms since the epoch).
    @discardableResult
    public func eval(at ts: Int64) -> GroupEvaluation {
        state.withLock { s in evaluate(&s, at: ts) }
    }

    /// Snapshots of every rule, in group order.
    public func ruleStatuses() -> [RuleStatus] {
        state.withLock { s in
            group.rules.indices.map { i in
                RuleStatus(rule: group.rules[i], health: s.rules[i].health, lastError: s.rules[i].lastError,
                           lastEvaluation: s.rules[i].lastEvaluation, alerts: s.rules[i].alerting.alerts)
            }
        }
    }

    /// Pending and firing alerts of every alerting rule (Prometheus's `ActiveAlerts`).
    public func activeAlerts() -> [Alert] {
        state.withLock { s in s.rules.flatMap { $0.alerting.alerts.filter { $0.resolvedAt == nil } } }
    }

    /// Pending and firing alerts of the alerting rules named `name`.
    public func activeAlerts(named name: String) -> [Alert] {
        state.withLock { s in
            var out: [Alert] = []
            for (i, r) in group.rules.enumerated() where r.kind == .alerting && r.name == name {
                out += s.rules[i].alerting.alerts.filter { $0.resolvedAt == nil }
            }
            return out
        }
    }

    /// Time of the last evaluation.
    public var lastEvaluation: Int64? { state.withLock { $0.lastEvaluation } }

    func engine() -> Engine {
        Engine(querier: context.store, lookbackDelta: context.lookbackDelta, defaultSubqueryStep: context.evaluationInterval)
    }
}
