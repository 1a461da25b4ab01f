import Config

/// A converted dashboard: the model, the same as commented config YAML, and what was lost.
public struct GrafanaImportResult: Sendable {
    /// One Grafana row (a titled, possibly collapsed group of panels) and where it landed.
    public struct Section: Hashable, Sendable {
        /// nil for panels above the first Grafana row.
        public var title: String?
        public var collapsed: Bool
        /// Indices into `dashboard.rows` holding this section's panels.
        public var rows: Range<Int>
        /// Panels of the section found in the Grafana JSON, and how many became Vigil panels.
        public var sourcePanels: Int
        public var convertedPanels: Int
    }

    public var dashboard: DashboardConfig
    /// A `dashboards:` config fragment holding `dashboard`, with the notes as comments.
    public var yaml: String
    public var notes: [ImportNote]
    public var sections: [Section]

    /// Panels in the Grafana dashboard (rows themselves not counted).
    public var sourcePanelCount: Int { sections.reduce(0) { $0 + $1.sourcePanels } }
    /// Panels in the Vigil dashboard.
    public var panelCount: Int { dashboard.rows.reduce(0) { $0 + $1.panels.count } }
}
