import TimeSeries

/// The alert instances of one alerting rule and Prometheus's state machine over them
/// (`AlertingRule.Eval` in rules/alerting.go): pending → firing after `for`, `keep_firing_for`,
/// resolved alerts kept for 15 minutes, and the `ALERTS`/`ALERTS_FOR_STATE` samples.
struct AlertingRuleState {
    /// How long a resolved alert is kept (and re-sent as resolved), `resolvedRetention`.
    static let resolvedRetention: Int64 = 15 * 60_000

    /// One element of the rule's query result with its labels and annotations expanded.
    struct Candidate {
        var labels: Labels
        var annotations: [Label]
        var value: Double
    }

    struct LimitExceeded: Error {
        var message: String
    }

    /// Alerts in the order they first became active, and their positions by identifying labels.
    var alerts: [Alert] = []
    var index: [Labels: Int] = [:]

    /// Advances every alert to time `ts` given this evaluation's candidates (already checked
    /// for duplicate label sets) and returns the `ALERTS` and `ALERTS_FOR_STATE` samples.
    mutating func advance(_ candidates: [Candidate], rule: Rule, at ts: Int64, limit: Int) throws(LimitExceeded) -> [(Labels, Double)] {
        var current = [Bool](repeating: false, count: alerts.count)
        for c in candidates {
            if let i = index[c.labels] {
                if alerts[i].state != .inactive {
                    alerts[i].value = c.value
                    alerts[i].annotations = c.annotations
                } else {
                    alerts[i] = Alert(state: .pending, labels: c.labels, annotations: c.annotations, value: c.value, activeAt: ts)
                }
                current[i] = true
            } else {
                index[c.labels] = alerts.count
                alerts.append(Alert(state: .pending, labels: c.labels, annotations: c.annotations, value: c.value, activeAt: ts))
                current.append(true)
            }
        }

        var out: [(Labels, Double)] = []
        out.reserveCapacity(2 * candidates.count)
        var numActivePending = 0
        var keep = [Bool](repeating: true, count: alerts.count)
        for i in alerts.indices {
            if !current[i] {
                var keepFiring = false
                if alerts[i].state == .firing && rule.keepFiringFor > 0 {
                    if alerts[i].keepFiringSince == nil { alerts[i].keepFiringSince = ts }
                    if let since = alerts[i].keepFiringSince, ts - since < rule.keepFiringFor { keepFiring = true }
                }
                if alerts[i].state == .pending || (alerts[i].resolvedAt.map { ts - $0 > AlertingRuleState.resolvedRetention } ?? false) {
                    keep[i] = false
                    continue
                }
                if alerts[i].state != .inactive && !keepFiring {
                    alerts[i].state = .inactive
                    alerts[i].resolvedAt = ts
                }
                if !keepFiring { continue }
            } else {
                alerts[i].keepFiringSince = nil
            }
            numActivePending += 1
            if alerts[i].state == .pending && ts - alerts[i].activeAt >= rule.holdDuration {
                alerts[i].state = .firing
                alerts[i].firedAt = ts
            }
            out.append((AlertingRuleState.alertsSeries(alerts[i], rule: rule), 1))
            out.append((AlertingRuleState.forStateSeries(alerts[i], rule: rule), AlertingRuleState.unixSeconds(alerts[i].activeAt)))
        }
        if keep.contains(false) {
            alerts = alerts.indices.filter { keep[$0] }.map { alerts[$0] }
            index = [:]
            for (i, a) in alerts.enumerated() { index[a.labels] = i }
        }
        if limit > 0 && numActivePending > limit {
            alerts = []
            index = [:]
            throw LimitExceeded(message: "exceeded limit of \(limit) with \(numActivePending) alerts")
        }
        return out
    }

    /// Go's `time.Unix()` of a millisecond time: whole seconds, rounded down.
    static func unixSeconds(_ ms: Int64) -> Double {
        Double(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000))
    }

    /// `ALERTS{alertname, alertstate, ...}`: the rule's raw labels under the alert's labels.
    static func alertsSeries(_ a: Alert, rule: Rule) -> Labels {
        var pairs = base(a, rule: rule)
        pairs.append(Label(metricNameLabel, "ALERTS"))
        pairs.append(Label("alertname", rule.name))
        pairs.append(Label("alertstate", a.state.description))
        return Labels(pairs)
    }

    /// `ALERTS_FOR_STATE{alertname, ...}`, valued with the alert's `ActiveAt` in Unix seconds.
    static func forStateSeries(_ a: Alert, rule: Rule) -> Labels {
        var pairs = base(a, rule: rule)
        pairs.append(Label(metricNameLabel, "ALERTS_FOR_STATE"))
        pairs.append(Label("alertname", rule.name))
        return Labels(pairs)
    }

    private static func base(_ a: Alert, rule: Rule) -> [Label] {
        var pairs = rule.labels.filter { !a.labels.has($0.name) }
        pairs.append(contentsOf: a.labels.pairs)
        return pairs
    }
}
