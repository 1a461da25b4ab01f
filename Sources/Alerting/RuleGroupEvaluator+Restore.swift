import TimeSeries

/// Saving and restoring the `for` state of a group's alerts across restarts, with Prometheus's
/// `Group.RestoreForState` arithmetic (rules/group.go).
extension RuleGroupEvaluator {
    /// Prometheus's group key: `file;name`.
    public var key: String { group.file + ";" + group.name }

    /// The group's pending and firing alerts, for the state file; empty before the first evaluation.
    public func savedAlerts() -> [SavedAlert] {
        state.withLock { s in
            guard let last = s.lastEvaluation else { return [] }
            var out: [SavedAlert] = []
            for (i, rule) in group.rules.enumerated() where rule.kind == .alerting {
                for a in s.rules[i].alerting.alerts where a.state != .inactive {
                    out.append(SavedAlert(group: key, rule: rule.name, labels: a.labels, activeAt: a.activeAt,
                                          firedAt: a.firedAt, state: a.state, savedAt: last))
                }
            }
            return out
        }
    }

    /// Restores `ActiveAt` of the alerts that are active at `ts` (call it right after an
    /// evaluation, as Prometheus does after the first) from what was saved before a restart.
    /// Returns how many alerts got their `for` state back.
    @discardableResult
    public func restore(_ saved: [SavedAlert], at ts: Int64, options: RestoreOptions = RestoreOptions()) -> Int {
        restoreMatching(saved, at: ts, options: options).count
    }

    /// `restore`, returning the saved entries that were used.
    func restoreMatching(_ saved: [SavedAlert], at ts: Int64, options: RestoreOptions) -> [SavedAlert] {
        let mine = saved.filter { $0.group == key }
        guard !mine.isEmpty else { return [] }
        var restored: [SavedAlert] = []
        state.withLock { s in
            for (i, rule) in group.rules.enumerated() where rule.kind == .alerting {
                let hold = rule.holdDuration
                // A `for` shorter than the grace period starts over, as in Prometheus.
                if hold < options.forGracePeriod { continue }
                var byLabels: [Labels: SavedAlert] = [:]
                for a in mine where a.rule == rule.name {
                    // Only what was saved within the outage tolerance counts.
                    guard a.savedAt >= ts - options.outageTolerance, a.savedAt <= ts, let l = a.decodedLabels else { continue }
                    byLabels[l] = a
                }
                guard !byLabels.isEmpty else { continue }
                for j in s.rules[i].alerting.alerts.indices {
                    let alert = s.rules[i].alerting.alerts[j]
                    guard alert.state != .inactive, let saved = byLabels[alert.labels] else { continue }
                    s.rules[i].alerting.alerts[j].activeAt = Self.restoredActiveAt(
                        saved, hold: hold, at: ts, grace: options.forGracePeriod)
                    restored.append(saved)
                }
            }
        }
        return restored
    }

    /// The restored `ActiveAt`. Prometheus keeps `ALERTS_FOR_STATE` in seconds, so both the
    /// saved time and the down time are whole seconds here too.
    static func restoredActiveAt(_ saved: SavedAlert, hold: Int64, at ts: Int64, grace: Int64) -> Int64 {
        let downAt = floorSeconds(saved.savedAt)
        var activeAt = floorSeconds(saved.activeAt)
        let remaining = hold - (downAt - activeAt)
        if remaining <= 0 {
            // It was firing when Vigil stopped: it fires again at the next evaluation if the
            // condition still holds.
        } else if remaining < grace {
            activeAt = ts + grace - hold
        } else {
            activeAt += ts - downAt
        }
        return activeAt
    }

    private static func floorSeconds(_ ms: Int64) -> Int64 {
        (ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)) * 1000
    }
}
