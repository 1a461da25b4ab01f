import Alerting
import TimeSeries

/// Building outgoing alerts from rule evaluation, as Prometheus's `rules.SendAlerts` and the
/// notifier's relabelling do: `startsAt` is `FiredAt`, `endsAt` is `ResolvedAt` for a resolved
/// alert and `ValidUntil` (evaluation time + 4 × max(interval, resend delay)) for a firing one,
/// `generatorURL` links to the expression's table view, and external labels are added where
/// the alert has no label of that name.
extension OutgoingAlert {
    public init(_ alert: Alert, expr: String, externalURL: String, externalLabels: Labels) {
        var pairs = alert.labels.pairs
        for l in externalLabels.pairs where !alert.labels.has(l.name) { pairs.append(l) }
        let resolved = alert.resolvedAt != nil
        self.init(labels: Labels(pairs), annotations: alert.annotations,
                  startsAt: alert.firedAt ?? alert.activeAt,
                  endsAt: alert.resolvedAt ?? alert.validUntil,
                  generatorURL: OutgoingAlert.generatorURL(externalURL: externalURL, expr: expr),
                  status: resolved ? .resolved : .firing, value: alert.value,
                  sentAt: alert.lastSentAt ?? alert.resolvedAt ?? alert.activeAt)
    }

    /// `externalURL + /graph?g0.expr=<query-escaped expr>&g0.tab=1` (Prometheus's
    /// `TableLinkForExpression`); empty when there is no external URL to link to.
    public static func generatorURL(externalURL: String, expr: String) -> String {
        guard !externalURL.isEmpty else { return "" }
        var base = externalURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/graph?g0.expr=" + QueryEscape.escape(expr) + "&g0.tab=1"
    }

    /// The alerts one group evaluation hands to notifiers (`GroupEvaluation.alertsToSend`), with
    /// each alert's expression found by its `alertname` among the group's alerting rules.
    public static func batch(_ evaluation: GroupEvaluation, evaluator: RuleGroupEvaluator) -> [OutgoingAlert] {
        guard !evaluation.alertsToSend.isEmpty else { return [] }
        let rules = evaluator.group.rules.filter { $0.kind == .alerting }
        let context = evaluator.context
        return evaluation.alertsToSend.map { alert in
            OutgoingAlert(alert, expr: expression(for: alert, among: rules), externalURL: context.externalURL,
                          externalLabels: context.externalLabels)
        }
    }

    /// The expression of the rule that produced `alert`. Several alerting rules of a group may
    /// share a name; the one whose literal labels all match the alert's is taken.
    static func expression(for alert: Alert, among rules: [Rule]) -> String {
        let name = alert.labels["alertname"]
        let named = rules.filter { $0.name == name }
        if named.count <= 1 { return named.first?.expr ?? "" }
        let matching = named.first { rule in
            rule.labels.allSatisfy { l in l.value.contains("{{") || alert.labels[l.name] == l.value }
        }
        return (matching ?? named[0]).expr
    }
}
