/// One dashboard screen: rows of panels, sized by weights.
public struct DashboardConfig: Hashable, Sendable {
    /// A horizontal band of panels.
    public struct Row: Hashable, Sendable {
        /// Share of the free height, relative to the other rows.
        public var height: Double = 1
        /// Least height in terminal lines.
        public var minHeight: Int?
        public var panels: [PanelConfig]
    }

    public var title: String
    public var rows: [Row]
}
