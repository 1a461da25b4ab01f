import PromQL
import Templates
import TimeSeries
import YAML

/// Prometheus's rule validation (`RuleGroups.Validate` and `Rule.Validate` in rulefmt), in its
/// order and with its messages, building the `RuleGroup`s when everything is valid.
struct RuleValidator {
    let file: String
    let names: NameValidation
    var errors: [RuleDiagnostic] = []

    init(file: String, names: NameValidation) {
        self.file = file
        self.names = names
    }

    private mutating func fail(_ mark: Mark, _ message: String) {
        errors.append(RuleDiagnostic(file: file, line: mark.line, column: mark.column, message: message))
    }

    mutating func validate(_ raw: RawRuleFile) -> [RuleGroup] {
        var seen = Set<String>()
        var groups: [RuleGroup] = []
        for g in raw.groups {
            if g.name.isEmpty { fail(g.mark, "Groupname must not be empty") }
            if seen.contains(g.name) { fail(g.mark, "groupname: \"\(g.name)\" is repeated in the same file") }
            seen.insert(g.name)
            for l in g.labels.sorted(by: { $0.key < $1.key }) {
                if !names.isValidLabelName(l.key) || l.key == metricNameLabel { fail(l.mark, "invalid label name: \(l.key)") }
            }
            var rules: [Rule] = []
            for (i, r) in g.rules.enumerated() {
                if let rule = validateRule(r, group: g, index: i + 1) { rules.append(rule) }
            }
            groups.append(RuleGroup(name: g.name, file: file, interval: g.interval, queryOffset: g.queryOffset,
                                    limit: g.limit, labels: g.labels.map { Label($0.key, $0.value) }, rules: rules,
                                    mark: g.mark))
        }
        return groups
    }

    private mutating func validateRule(_ r: RawRuleFile.RawRule, group: RawRuleFile.RawGroup, index: Int) -> Rule? {
        let ruleName = r.alert.isEmpty ? r.record : r.alert
        let before = errors.count
        func ruleFail(_ mark: Mark?, _ message: String) {
            fail(mark ?? r.mark, "group \(GoQuote.quote(group.name)), rule \(index), \(GoQuote.quote(ruleName)): \(message)")
        }
        if !r.record.isEmpty && !r.alert.isEmpty {
            ruleFail(r.recordMark, "only one of 'record' and 'alert' must be set")
        }
        if r.record.isEmpty && r.alert.isEmpty {
            ruleFail(r.recordMark ?? r.alertMark, "one of 'record' or 'alert' must be set")
        }
        var query: Expr?
        if r.expr.isEmpty {
            ruleFail(r.exprMark, "field 'expr' must be set in rule")
        } else {
            do {
                query = try Parser.parse(r.expr)
            } catch {
                ruleFail(r.exprMark, "could not parse expression: \(error)")
            }
        }
        if !r.record.isEmpty {
            if !r.annotations.isEmpty { ruleFail(r.recordMark, "invalid field 'annotations' in recording rule") }
            if r.holdDuration != 0 { ruleFail(r.recordMark, "invalid field 'for' in recording rule") }
            if r.keepFiringFor != 0 { ruleFail(r.recordMark, "invalid field 'keep_firing_for' in recording rule") }
            if !names.isValidMetricName(r.record) { ruleFail(r.recordMark, "invalid recording rule name: \(r.record)") }
            if r.record.contains("{") || r.record.contains("}") {
                ruleFail(r.recordMark, "braces present in the recording rule name; should it be in expr?: \(r.record)")
            }
        }
        for l in r.labels.sorted(by: { $0.key < $1.key }) {
            if !names.isValidLabelName(l.key) || l.key == metricNameLabel { ruleFail(l.mark, "invalid label name: \(l.key)") }
        }
        for a in r.annotations.sorted(by: { $0.key < $1.key }) where !names.isValidLabelName(a.key) {
            ruleFail(a.mark, "invalid annotation name: \(a.key)")
        }
        if !r.alert.isEmpty {
            for l in r.labels.sorted(by: { $0.key < $1.key }) {
                if let e = RuleValidator.templateParseError(l.value, alert: r.alert) {
                    ruleFail(l.mark, "label \(GoQuote.quote(l.key)): \(e)")
                }
            }
            for a in r.annotations.sorted(by: { $0.key < $1.key }) {
                if let e = RuleValidator.templateParseError(a.value, alert: r.alert) {
                    ruleFail(a.mark, "annotation \(GoQuote.quote(a.key)): \(e)")
                }
            }
        }
        guard errors.count == before, let query else { return nil }
        // Rule labels override group labels (Prometheus's rules.FromMaps).
        var merged: [String: String] = [:]
        for l in group.labels { merged[l.key] = l.value }
        for l in r.labels { merged[l.key] = l.value }
        let kind: Rule.Kind = r.alert.isEmpty ? .recording : .alerting
        return Rule(kind: kind, name: ruleName, expr: r.expr, query: query, holdDuration: r.holdDuration,
                    keepFiringFor: r.keepFiringFor, labels: merged.map { Label($0.key, $0.value) },
                    annotations: r.annotations.map { Label($0.key, $0.value) }, mark: r.mark)
    }

    /// Go's template parse error for an alert label or annotation, or nil when it parses.
    static func templateParseError(_ text: String, alert: String) -> String? {
        if !AlertTemplateCache.hasAction(text) { return nil }
        do {
            _ = try Template(name: "__alert_" + alert, text: AlertTemplate.definitions + text)
            return nil
        } catch let e as TemplateError {
            return e.message
        } catch {
            return "\(error)"
        }
    }
}
