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

    /// Alerts keyed by their identifying labels, in the order they first became active.
    var active: [Labels: Alert] = [:]
    var order: [Labels] = []

    /// Advances every alert to time `ts` given this evaluation's candidates (already checked
    /// for duplicate label sets) and returns the `ALERTS` and `ALERTS_FOR_STATE` samples.
    mutating func advance(_ candidates: [Candidate], rule: Rule, at ts: Int64, limit: Int) throws(LimitExceeded) -> [(Labels, Double)] {
        var current = Set<Labels>()
        current.reserveCapacity(candidates.count)
        for c in candidates {
            current.insert(c.labels)
            if var existing = active[c.labels], existing.state != .inactive {
                existing.value = c.value
                existing.annotations = c.annotations
                active[c.labels] = existing
                continue
            }
            if active[c.labels] == nil { order.append(c.labels) }
            active[c.labels] = Alert(state: .pending, labels: c.labels, annotations: c.annotations, value: c.value, activeAt: ts)
        }

        var out: [(Labels, Double)] = []
        var numActivePending = 0
        var removed = false
        for key in order {
            guard var a = active[key] else { continue }
            if !current.contains(key) {
                var keepFiring = false
                if a.state == .firing && rule.keepFiringFor > 0 {
                    if a.keepFiringSince == nil { a.keepFiringSince = ts }
                    if let since = a.keepFiringSince, ts - since < rule.keepFiringFor { keepFiring = true }
                }
                if a.state == .pending || (a.resolvedAt.map { ts - $0 > AlertingRuleState.resolvedRetention } ?? false) {
                    active[key] = nil
                    removed = true
                    continue
                }
                if a.state != .inactive && !keepFiring {
                    a.state = .inactive
                    a.resolvedAt = ts
                }
                active[key] = a
                if !keepFiring { continue }
            } else {
                a.keepFiringSince = nil
            }
            numActivePending += 1
            if a.state == .pending && ts - a.activeAt >= rule.holdDuration {
                a.state = .firing
                a.firedAt = ts
            }
            active[key] = a
            out.append((AlertingRuleState.alertsSeries(a, rule: rule), 1))
            out.append((AlertingRuleState.forStateSeries(a, rule: rule), AlertingRuleState.unixSeconds(a.activeAt)))
        }
        if removed { order.removeAll { active[$0] == nil } }
        if limit > 0 && numActivePending > limit {
            active = [:]
            order = []
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

    /// Snapshots in activation order.
    var alerts: [Alert] { order.compactMap { active[$0] } }
}
