import Config

/// One dashboard screen as the app shows it: rows of panels. Built from a `DashboardConfig` or
/// generated (see `DashboardBuilder`).
public struct DashboardSpec: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// Share of the free height.
        public var height: Double
        /// Lines below which the row is hidden; nil: 6.
        public var minHeight: Int?
        public var panels: [PanelSpec]

        public init(height: Double = 1, minHeight: Int? = nil, panels: [PanelSpec]) {
            self.height = height
            self.minHeight = minHeight
            self.panels = panels
        }

        public var effectiveMinHeight: Int { minHeight ?? 6 }
    }

    public var title: String
    public var rows: [Row]

    public init(title: String, rows: [Row]) {
        self.title = title
        self.rows = rows
    }

    public init(_ config: DashboardConfig) {
        self.init(title: config.title, rows: config.rows.map {
            Row(height: $0.height, minHeight: $0.minHeight, panels: $0.panels.map(PanelSpec.init))
        })
    }

    /// The panel at a position, if any.
    public func panel(_ id: PanelID) -> PanelSpec? {
        guard id.row >= 0, id.row < rows.count, id.column >= 0, id.column < rows[id.row].panels.count else { return nil }
        return rows[id.row].panels[id.column]
    }
}

/// A panel's position in its dashboard: row and index in the row.
public struct PanelID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
    public static func < (a: PanelID, b: PanelID) -> Bool { (a.row, a.column) < (b.row, b.column) }
    public var description: String { "\(row).\(column)" }
}
