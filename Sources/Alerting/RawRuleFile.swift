import TimeSeries
import YAML

/// A rule file as decoded from YAML, before validation: every field with the position it came
/// from, so validation errors can point at the exact node as Prometheus's rulefmt does.
struct RawRuleFile {
    struct Entry {
        var key: String
        var value: String
        var mark: Mark
    }

    struct RawRule {
        var record = ""
        var recordMark: Mark?
        var alert = ""
        var alertMark: Mark?
        var expr = ""
        var exprMark: Mark?
        var holdDuration: Int64 = 0
        var keepFiringFor: Int64 = 0
        var labels: [Entry] = []
        var annotations: [Entry] = []
        var mark: Mark
    }

    struct RawGroup {
        var name = ""
        var interval: Int64?
        var queryOffset: Int64?
        var limit = 0
        var labels: [Entry] = []
        var rules: [RawRule] = []
        var mark: Mark
    }

    var groups: [RawGroup] = []

    static let groupFields: Set<String> = ["name", "interval", "query_offset", "limit", "rules", "labels"]
    static let ruleFields: Set<String> = ["record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"]

    /// Decodes the first document of `root` (nil for an empty file); problems go to `fields`.
    static func decode(_ root: YAMLNode?, fields: inout YAMLFields, ignoreUnknown: Bool) -> RawRuleFile {
        var out = RawRuleFile()
        guard let root else { return out }
        let top = fields.fields(root, known: ["groups"], goType: "rulefmt.RuleGroups", ignoreUnknown: ignoreUnknown)
        guard let groups = top["groups"] else { return out }
        for g in fields.items(groups, "[]rulefmt.RuleGroup") {
            var group = RawGroup(mark: g.mark)
            let f = fields.fields(g, known: groupFields, goType: "rulefmt.RuleGroup", ignoreUnknown: ignoreUnknown)
            if let n = f["name"] { group.name = fields.string(n) }
            if let n = f["interval"] { group.interval = fields.duration(n) }
            if let n = f["query_offset"] { group.queryOffset = fields.duration(n) }
            if let n = f["limit"] { group.limit = fields.int(n) }
            if let n = f["labels"] { group.labels = fields.stringMap(n).map { Entry(key: $0.key, value: $0.value, mark: $0.mark) } }
            if let n = f["rules"] {
                for r in fields.items(n, "[]rulefmt.Rule") {
                    group.rules.append(decodeRule(r, fields: &fields, ignoreUnknown: ignoreUnknown))
                }
            }
            out.groups.append(group)
        }
        return out
    }

    private static func decodeRule(_ r: YAMLNode, fields: inout YAMLFields, ignoreUnknown: Bool) -> RawRule {
        var rule = RawRule(mark: r.mark)
        let f = fields.fields(r, known: ruleFields, goType: "rulefmt.Rule", ignoreUnknown: ignoreUnknown)
        if let n = f["record"] {
            rule.record = fields.string(n)
            rule.recordMark = n.mark
        }
        if let n = f["alert"] {
            rule.alert = fields.string(n)
            rule.alertMark = n.mark
        }
        if let n = f["expr"] {
            rule.expr = fields.string(n)
            rule.exprMark = n.mark
        }
        if let n = f["for"] { rule.holdDuration = fields.duration(n) ?? 0 }
        if let n = f["keep_firing_for"] { rule.keepFiringFor = fields.duration(n) ?? 0 }
        if let n = f["labels"] { rule.labels = fields.stringMap(n).map { Entry(key: $0.key, value: $0.value, mark: $0.mark) } }
        if let n = f["annotations"] {
            rule.annotations = fields.stringMap(n).map { Entry(key: $0.key, value: $0.value, mark: $0.mark) }
        }
        return rule
    }
}
