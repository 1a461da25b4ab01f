import PromQL
import Templates
import TimeSeries

/// One evaluation cycle: query each rule, turn results into samples, write them.
extension RuleGroupEvaluator {
    func evaluate(_ s: inout State, at ts: Int64) -> GroupEvaluation {
        let offset = queryOffset
        let engine = engine()
        var outcomes: [GroupEvaluation.RuleOutcome] = []
        outcomes.reserveCapacity(group.rules.count)
        var toSend: [Alert] = []
        for (i, rule) in group.rules.enumerated() {
            s.rules[i].lastEvaluation = ts
            let produced: [(Labels, Double)]
            do {
                switch rule.kind {
                case .recording:
                    produced = try recordingSamples(rule, engine: engine, at: ts - offset)
                case .alerting:
                    produced = try alertingSamples(rule, index: i, state: &s, engine: engine, at: ts, offset: offset)
                }
            } catch {
                s.rules[i].health = .bad
                s.rules[i].lastError = error.description
                outcomes.append(GroupEvaluation.RuleOutcome(name: rule.name, kind: rule.kind, error: error.description, samples: 0))
                continue
            }
            s.rules[i].health = .good
            s.rules[i].lastError = nil
            if rule.kind == .alerting {
                toSend += markSent(&s.rules[i].alerting, at: ts)
            }
            let appendError = write(produced, rule: i, state: &s, at: ts - offset)
            if let appendError {
                s.rules[i].health = .bad
                s.rules[i].lastError = appendError
            }
            outcomes.append(GroupEvaluation.RuleOutcome(name: rule.name, kind: rule.kind, error: appendError, samples: produced.count))
        }
        s.lastEvaluation = ts
        return GroupEvaluation(time: ts, rules: outcomes, alertsToSend: toSend)
    }

    /// A recording rule's output: the result renamed and relabelled (`RecordingRule.Eval`).
    func recordingSamples(_ rule: Rule, engine: Engine, at t: Int64) throws(EvalFailure) -> [(Labels, Double)] {
        let vector: [VectorSample]
        do { vector = try RuleQuery.vector(engine, rule.query, at: t) } catch { throw EvalFailure(error.description) }
        var out: [(Labels, Double)] = []
        out.reserveCapacity(vector.count)
        for sample in vector {
            var pairs = sample.labels.pairs.filter { $0.name != metricNameLabel && !rule.hasLabel($0.name) }
            pairs.append(Label(metricNameLabel, rule.name))
            pairs.append(contentsOf: rule.labels)
            out.append((Labels(pairs), sample.value))
        }
        if RuleGroupEvaluator.hasDuplicate(out.lazy.map(\.0), count: out.count) {
            throw EvalFailure("vector contains metrics with the same labelset after applying rule labels")
        }
        if group.limit > 0 && out.count > group.limit {
            throw EvalFailure("exceeded limit of \(group.limit) with \(out.count) series")
        }
        return out
    }

    /// An alerting rule's output after advancing its alerts (`AlertingRule.Eval`).
    func alertingSamples(_ rule: Rule, index: Int, state s: inout State, engine: Engine, at ts: Int64,
                         offset: Int64) throws(EvalFailure) -> [(Labels, Double)] {
        let vector: [VectorSample]
        do { vector = try RuleQuery.vector(engine, rule.query, at: ts - offset) } catch { throw EvalFailure(error.description) }
        var candidates: [AlertingRuleState.Candidate] = []
        candidates.reserveCapacity(vector.count)
        let query = RuleQuery.templateFunction(engine, at: ts)
        let templated = rule.labels.contains { AlertTemplateCache.hasAction($0.value) }
            || rule.annotations.contains { AlertTemplateCache.hasAction($0.value) }
        for sample in vector {
            var data: [String: String] = [:]
            if templated {
                for l in sample.labels.pairs { data[l.name] = l.value }
            }
            let templateData = AlertTemplateData(labels: data, externalLabels: externalLabelMap,
                                                 externalURL: context.externalURL, value: sample.value)
            var pairs = sample.labels.pairs.filter { $0.name != metricNameLabel && !rule.hasLabel($0.name) && $0.name != "alertname" }
            for l in rule.labels {
                pairs.append(Label(l.name, s.templates.expand(l.value, rule: rule.name, data: templateData, query: query)))
            }
            pairs.append(Label("alertname", rule.name))
            let labels = Labels(pairs)
            var annotations: [Label] = []
            annotations.reserveCapacity(rule.annotations.count)
            for a in rule.annotations {
                annotations.append(Label(a.name, s.templates.expand(a.value, rule: rule.name, data: templateData, query: query)))
            }
            candidates.append(AlertingRuleState.Candidate(labels: labels, annotations: annotations, value: sample.value))
        }
        // Templates have no side effects, so checking after expanding them all reports the same.
        if RuleGroupEvaluator.hasDuplicate(candidates.lazy.map(\.labels), count: candidates.count) {
            throw EvalFailure("vector contains metrics with the same labelset after applying alert labels")
        }
        do {
            return try s.rules[index].alerting.advance(candidates, rule: rule, at: ts, limit: group.limit)
        } catch {
            throw EvalFailure(error.message)
        }
    }

    /// Prometheus's `sendAlerts`: alerts due for a notifier, stamped with the send time.
    func markSent(_ alerts: inout AlertingRuleState, at ts: Int64) -> [Alert] {
        var out: [Alert] = []
        let delay = context.resendDelay
        for i in alerts.alerts.indices where alerts.alerts[i].needsSending(at: ts, resendDelay: delay) {
            alerts.alerts[i].lastSentAt = ts
            alerts.alerts[i].validUntil = ts + 4 * max(interval, delay)
            out.append(alerts.alerts[i])
        }
        return out
    }

    /// Appends a rule's samples at `t`, then staleness markers for the rule's series that are
    /// gone; returns the error Prometheus would record for rejected samples.
    func write(_ samples: [(Labels, Double)], rule i: Int, state s: inout State, at t: Int64) -> String? {
        let store = context.store
        var written: [SeriesRef] = []
        written.reserveCapacity(samples.count)
        var firstError: String?
        for (labels, value) in samples {
            var ref = s.refs[labels] ?? {
                let r = store.getOrCreate(labels)
                s.refs[labels] = r
                return r
            }()
            var outcome = store.append(ref, t, value)
            if outcome == .unknownSeries {
                // The series was dropped by retention since its ref was cached.
                ref = store.getOrCreate(labels)
                s.refs[labels] = ref
                outcome = store.append(ref, t, value)
            }
            if outcome.isAccepted {
                written.append(ref)
            } else if firstError == nil {
                firstError = RuleGroupEvaluator.message(outcome)
            }
        }
        // Distinct labels give distinct refs, so the same count all found means the same set:
        // nothing went stale (the common case, kept without building a new set).
        let previous = s.rules[i].previousSeries
        if written.count == previous.count && written.allSatisfy({ previous.contains($0) }) { return firstError }
        let current = Set(written)
        for ref in previous where !current.contains(ref) {
            store.markStale(ref, t)
        }
        s.rules[i].previousSeries = current
        return firstError
    }

    /// True when two of the `count` label sets are equal; small lists are compared pairwise.
    static func hasDuplicate<C: Collection>(_ labels: C, count: Int) -> Bool where C.Element == Labels {
        if count < 2 { return false }
        if count <= 8 {
            let list = Array(labels)
            for i in 1..<list.count where list[..<i].contains(list[i]) { return true }
            return false
        }
        var seen = Set<Labels>(minimumCapacity: count)
        for l in labels where !seen.insert(l).inserted { return true }
        return false
    }

    static func message(_ o: AppendOutcome) -> String {
        switch o {
        case .outOfOrder: return "out of order sample"
        case .duplicateTimestamp: return "duplicate sample for timestamp"
        case .overMemoryLimit: return "the store is over its memory limit"
        case .unknownSeries: return "unknown series"
        case .appended, .duplicate: return ""
        }
    }
}
