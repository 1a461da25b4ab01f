import Config

/// `vigil import grafana`: converts a Grafana dashboard (JSON model, Prometheus panels) into a
/// Vigil dashboard and config YAML, listing everything that could not be carried over.
///
/// Grafana rows become groups of Vigil rows: each band of vertically overlapping panels is a Vigil
/// row whose height weight is the band's grid height, and each panel's width weight is its grid
/// width (of 24). Template variables are fixed or flattened (see `QueryInterpolator`).
public enum GrafanaImporter {
    /// Converts dashboard JSON text (a dashboard, or an API export `{"dashboard": {...}, "meta": ...}`).
    public static func convert(json: some Collection<UInt8>, options: GrafanaImportOptions = GrafanaImportOptions()) throws(GrafanaImportError) -> GrafanaImportResult {
        guard json.count <= options.maxInputBytes else {
            throw GrafanaImportError("the file is \(json.count) bytes; dashboards larger than \(options.maxInputBytes) bytes are refused")
        }
        var root = try JSONReader.parse(Array(json))
        guard root.object != nil else { throw GrafanaImportError("expected a JSON object (a Grafana dashboard), found \(root.kindName)") }
        if root["panels"] == nil && root["rows"] == nil, let inner = root["dashboard"], inner.object != nil {
            root = inner
        }
        return try convert(dashboard: root, options: options)
    }

    /// Converts dashboard JSON text.
    public static func convert(text: String, options: GrafanaImportOptions = GrafanaImportOptions()) throws(GrafanaImportError) -> GrafanaImportResult {
        try convert(json: Array(text.utf8), options: options)
    }

    static func convert(dashboard: JSONValue, options: GrafanaImportOptions) throws(GrafanaImportError) -> GrafanaImportResult {
        var notes: [ImportNote] = []
        let layoutSections = try GrafanaLayout.sections(dashboard, notes: &notes)
        let variables = TemplateVariable.parse(dashboard, options: options)
        var converter = PanelConverter(datasources: DatasourceResolver(dashboard: dashboard),
                                       interpolator: QueryInterpolator(variables: variables, options: options))

        var rows: [DashboardConfig.Row] = []
        var sections: [GrafanaImportResult.Section] = []
        var comments = DashboardConfig.YAMLComments()
        for layoutSection in layoutSections {
            let firstRow = rows.count
            var converted = 0
            for band in GrafanaLayout.bands(layoutSection.panels) {
                var panels: [PanelConfig] = []
                var panelComments: [Int: [String]] = [:]
                for grid in band.panels {
                    let before = converter.notes.count
                    guard var panel = converter.convert(grid.json, row: layoutSection.title) else { continue }
                    panel.width = Double(grid.w)
                    let panelNotes = converter.notes[before...].map(\.message)
                    if !panelNotes.isEmpty { panelComments[panels.count] = panelNotes }
                    panels.append(panel)
                }
                guard !panels.isEmpty else { continue }
                converted += panels.count
                let height = min(max(band.height, 1), 100)
                comments.panels[rows.count] = panelComments
                rows.append(DashboardConfig.Row(panels, height: Double(height), minHeight: min(max(band.height, 3), 1000)))
            }
            if rows.count > firstRow {
                var header = layoutSection.title.map { "Grafana row \"\(oneLine($0))\"" } ?? "Panels above the first Grafana row"
                if layoutSection.collapsed { header += " (collapsed in Grafana)" }
                comments.rows[firstRow] = [header]
            }
            sections.append(GrafanaImportResult.Section(title: layoutSection.title, collapsed: layoutSection.collapsed,
                                                        rows: firstRow..<rows.count, sourcePanels: layoutSection.panels.count,
                                                        convertedPanels: converted))
        }
        notes += converter.notes
        notes += variableNotes(variables, converter.interpolator, options: options)
        if sections.contains(where: \.collapsed) {
            notes.append(ImportNote(.lossy, "rows collapsed in Grafana are shown expanded (Vigil has no collapsible rows)"))
        }

        let grafanaTitle = dashboard["title"]?.string ?? ""
        let title = options.title ?? (grafanaTitle.isEmpty ? "Imported from Grafana" : grafanaTitle)
        let config = DashboardConfig(title, rows: rows)
        comments.header = header(dashboard: dashboard, result: sections, panels: rows.reduce(0) { $0 + $1.panels.count }, notes: notes)
        return GrafanaImportResult(dashboard: config, yaml: config.yaml(comments: comments), notes: notes, sections: sections)
    }

    /// One note per variable and built-in used: what it became and in how many queries.
    private static func variableNotes(_ variables: [String: TemplateVariable], _ interpolator: QueryInterpolator,
                                      options: GrafanaImportOptions) -> [ImportNote] {
        var notes: [ImportNote] = []
        for (name, count) in interpolator.used.sorted(by: { $0.key < $1.key }) {
            let uses = "\(count) quer\(count == 1 ? "y" : "ies")"
            guard let v = variables[name] else {
                let value: String = switch name {
                case "__rate_interval": "\(options.rateInterval) (Grafana derives it from the scrape interval)"
                case "__range", "__range_s", "__range_ms": "\(options.range) (Grafana uses the dashboard's time range)"
                default: "\(options.interval) (Grafana derives it from the time range and panel width)"
                }
                notes.append(ImportNote(.variable, "$\(name) replaced by \(value) in \(uses)"))
                continue
            }
            switch v.resolution {
            case .ignored:
                continue
            case .fixed:
                notes.append(ImportNote(.variable, "variable $\(name) (\(v.type)) fixed to \(v.values.joined(separator: ", ")) in \(uses)"))
            case .flattened:
                let source = v.definition.map { " (\(oneLine($0)))" } ?? ""
                var message = "variable $\(name)\(source) flattened to all values (\(v.allValue ?? ".+")) in \(uses)"
                if interpolator.pinned.contains(name) {
                    message += "; outside label matchers it was fixed to its saved value \(v.values.joined(separator: ", "))"
                }
                if let removed = interpolator.removedNegations[name] {
                    message += "; \(removed) negative matcher\(removed == 1 ? "" : "s") on it removed"
                }
                notes.append(ImportNote(.variable, message))
            }
        }
        return notes
    }

    private static func header(dashboard: JSONValue, result: [GrafanaImportResult.Section], panels: Int, notes: [ImportNote]) -> [String] {
        var lines = ["Imported from Grafana dashboard \"\(oneLine(dashboard["title"]?.string ?? ""))\""
            + (dashboard["uid"]?.string.map { " (uid \(oneLine($0)))" } ?? "") + " by vigil import grafana."]
        let source = result.reduce(0) { $0 + $1.sourcePanels }
        lines.append("\(panels) of \(source) panels converted, in \(result.count) Grafana row\(result.count == 1 ? "" : "s").")
        let dashboardNotes = notes.filter { $0.panel == nil }
        if !dashboardNotes.isEmpty {
            lines.append("")
            lines += dashboardNotes.map { "- " + $0.message }
        }
        let dropped = notes.filter { $0.kind == .panelDropped }
        if !dropped.isEmpty {
            lines.append("")
            lines.append("Not converted:")
            lines += dropped.map { "- " + $0.description }
        }
        return lines
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
