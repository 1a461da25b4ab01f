import YAML

/// Decoding and validating `dashboards:`, their rows and panels.
extension ConfigDecoder {
    static let panelKeys = [
        "title", "type", "query", "queries", "text", "unit", "min", "max", "log", "stacked", "thresholds",
        "quantiles", "width", "min_width",
    ]

    func decodeDashboard(_ node: YAMLNode, index: Int) -> DashboardConfig? {
        guard let f = Fields(node, section: "dashboard \(index + 1)", allowed: ["title", "rows"], diagnostics: diagnostics) else {
            if node.isNull { diagnostics.error("dashboard \(index + 1) is empty", at: node.mark) }
            return nil
        }
        let title = f.requiredString("title") ?? ""
        let rows = f.list("rows") { row, i in self.decodeRow(row, index: i) } ?? []
        if !f.has("rows") { f.missing("rows") }
        return DashboardConfig(title: title, rows: rows)
    }

    private func decodeRow(_ node: YAMLNode, index: Int) -> DashboardConfig.Row? {
        let allowed = ["height", "min_height", "panels"]
        guard let f = Fields(node, section: "row \(index + 1)", allowed: allowed, diagnostics: diagnostics) else { return nil }
        let panels = f.list("panels") { panel, i in self.decodePanel(panel, index: i) } ?? []
        if !f.has("panels") { f.missing("panels") }
        var row = DashboardConfig.Row(panels: panels)
        row.height = weight(f, "height") ?? 1
        row.minHeight = f.int("min_height", in: 1...1000)
        return row
    }

    private func weight(_ f: Fields, _ key: String) -> Double? {
        guard let w = f.double(key) else { return nil }
        guard w > 0 && w <= 100 else {
            f.error("\"\(key)\" in \(f.section) must be a weight greater than 0 and at most 100, found \(f.node(key)?.string ?? "")", key: key)
            return nil
        }
        return w
    }

    private func decodePanel(_ node: YAMLNode, index: Int) -> PanelConfig? {
        let written = node["title"]?.scalar.flatMap { $0.value.isEmpty ? nil : $0.value }
        let section = written.map { "panel \"\($0)\"" } ?? "panel \(index + 1)"
        guard let f = Fields(node, section: section, allowed: Self.panelKeys, diagnostics: diagnostics) else { return nil }
        guard let type = f.choice("type", PanelConfig.PanelType.self) else {
            if !f.has("type") { f.missing("type") }
            return nil
        }
        var panel = PanelConfig(title: f.string("title") ?? "", type: type)
        panel.queries = queries(f)
        let needsQuery = ![.alerts, .targets, .text].contains(type)
        if needsQuery && panel.queries.isEmpty && !f.has("query") && !f.has("queries") {
            f.missing("query", " (a \(type.rawValue) panel needs \"query\" or \"queries\")")
        }
        if !needsQuery && (f.has("query") || f.has("queries")) {
            f.error("a \(type.rawValue) panel takes no query", key: f.has("query") ? "query" : "queries")
        }
        panel.text = f.string("text")
        if type == .text && panel.text == nil { f.missing("text", " (a text panel needs \"text\")") }
        if type != .text && f.has("text") { f.error("\"text\" applies to text panels only", key: "text") }
        panel.unit = f.choice("unit", PanelConfig.Unit.self) ?? .auto
        panel.min = f.double("min")
        panel.max = f.double("max")
        if let lo = panel.min, let hi = panel.max, lo >= hi {
            f.error("\"min\" (\(lo)) must be less than \"max\" (\(hi)) in \(section)", key: "min")
        }
        panel.log = f.bool("log") ?? false
        if panel.log, let lo = panel.min, lo <= 0 {
            f.error("a log scale needs \"min\" greater than 0", key: "min")
        }
        panel.stacked = f.bool("stacked") ?? false
        panel.thresholds = thresholds(f)
        panel.quantiles = quantiles(f)
        panel.width = weight(f, "width") ?? 1
        panel.minWidth = f.int("min_width", in: 1...1000)
        return panel
    }

    private func queries(_ f: Fields) -> [PanelConfig.Query] {
        if f.has("query") && f.has("queries") {
            f.error("use either \"query\" or \"queries\" in \(f.section), not both", key: "queries")
        }
        if let expr = f.string("query") {
            if expr.trimmingSpaces.isEmpty { f.error("\"query\" in \(f.section) is empty", key: "query"); return [] }
            return [PanelConfig.Query(expr: expr)]
        }
        return f.list("queries") { node, i -> PanelConfig.Query? in
            if let expr = node.scalar?.string { return PanelConfig.Query(expr: expr) }
            guard let q = Fields(node, section: "query \(i + 1) of \(f.section)", allowed: ["expr", "legend"], diagnostics: self.diagnostics),
                  let expr = q.requiredString("expr") else { return nil }
            return PanelConfig.Query(expr: expr, legend: q.string("legend"))
        } ?? []
    }

    private func thresholds(_ f: Fields) -> [PanelConfig.Threshold] {
        f.list("thresholds") { node, i -> PanelConfig.Threshold? in
            guard let t = Fields(node, section: "threshold \(i + 1) of \(f.section)", allowed: ["value", "color"], diagnostics: self.diagnostics) else { return nil }
            let value = t.double("value")
            if !t.has("value") { t.missing("value") }
            let color = t.choice("color", PanelConfig.Color.self)
            if !t.has("color") { t.missing("color") }
            guard let value, let color else { return nil }
            return PanelConfig.Threshold(value: value, color: color)
        } ?? []
    }

    private func quantiles(_ f: Fields) -> [Double] {
        f.list("quantiles") { node, _ -> Double? in
            guard let q = node.double else {
                self.diagnostics.error("quantiles in \(f.section) must be numbers, found \(node.described)", at: node.mark)
                return nil
            }
            guard (0...1).contains(q) else {
                self.diagnostics.error("quantile \(node.string ?? "") in \(f.section) must be between 0 and 1", at: node.mark)
                return nil
            }
            return q
        } ?? []
    }
}
