/// Rows under a header, in columns with widths and alignment; one row can be selected, one column
/// marked as the sort key, and the rows scroll to keep the selection in view.
public struct Table: Widget, Sendable {
    public struct Column: Hashable, Sendable {
        public var title: String
        public var width: Layout.Constraint
        public var alignment: Alignment
        public init(_ title: String, width: Layout.Constraint = .fill(1), alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    /// Cell texts by row, then column (missing cells are empty). Sanitized when drawn.
    public var rows: [[String]]
    /// Optional per-row styles (e.g. firing alerts in red), by row index.
    public var rowStyles: [Int: Style]
    public var selected: Int?
    /// First row shown; adjusted so the selection is visible.
    public var offset: Int
    public var sortColumn: Int?
    public var sortAscending: Bool
    public var style: Style
    public var headerStyle: Style
    public var selectedStyle: Style
    public var highlightSymbol: String
    public var columnSpacing: Int
    public var symbols: SymbolSet

    public init(columns: [Column], rows: [[String]], rowStyles: [Int: Style] = [:], selected: Int? = nil, offset: Int = 0,
                sortColumn: Int? = nil, sortAscending: Bool = true, style: Style = .plain,
                headerStyle: Style = Style(add: .bold), selectedStyle: Style = Style(add: .reverse),
                highlightSymbol: String? = nil, columnSpacing: Int = 1, symbols: SymbolSet = .braille) {
        self.columns = columns
        self.rows = rows
        self.rowStyles = rowStyles
        self.selected = selected
        self.offset = offset
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
        self.style = style
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.highlightSymbol = highlightSymbol ?? (symbols == .ascii ? ">" : "▶")
        self.columnSpacing = columnSpacing
        self.symbols = symbols
    }

    /// The first visible row that keeps `selected` in a window of `visible` rows, starting from `offset`.
    public static func scrollOffset(selected: Int?, offset: Int, rowCount: Int, visible: Int) -> Int {
        guard visible > 0, rowCount > 0 else { return 0 }
        var o = Swift.min(Swift.max(0, offset), Swift.max(0, rowCount - visible))
        if let s = selected.map({ Swift.min(Swift.max(0, $0), rowCount - 1) }) {
            if s < o { o = s }
            if s >= o + visible { o = s - visible + 1 }
        }
        return o
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let markWidth = selected != nil ? TerminalText.width(highlightSymbol) + 1 : 0
        let spans = Layout.split(length: Swift.max(0, area.width - markWidth), constraints: columns.map(\.width),
                                 gap: columnSpacing)
        let x0 = area.x + markWidth
        // Header with the sort indicator.
        let header = style.patched(headerStyle)
        buffer.setStyle(Rect(x: area.x, y: area.y, width: area.width, height: 1), header)
        let arrow = symbols == .ascii ? (sortAscending ? "^" : "v") : (sortAscending ? "▲" : "▼")
        for (i, column) in columns.enumerated() where i < spans.count {
            let title = TerminalText.sanitize(column.title) + (sortColumn == i ? arrow : "")
            buffer.setString(title, x: x0 + spans[i].offset, y: area.y, width: spans[i].length,
                             alignment: column.alignment, style: header)
        }
        let visible = area.height - 1
        guard visible > 0 else { return }
        let first = Table.scrollOffset(selected: selected, offset: offset, rowCount: rows.count, visible: visible)
        for r in first..<Swift.min(rows.count, first + visible) {
            let y = area.y + 1 + r - first
            var look = style
            if let s = rowStyles[r] { look = look.patched(s) }
            if r == selected {
                look = look.patched(selectedStyle)
                buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), look)
                buffer.setString(highlightSymbol, x: area.x, y: y, style: look, clip: area)
            } else if rowStyles[r] != nil {
                buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), look)
            }
            for (i, column) in columns.enumerated() where i < spans.count {
                let text = i < rows[r].count ? TerminalText.sanitize(rows[r][i]) : ""
                buffer.setString(text, x: x0 + spans[i].offset, y: y, width: spans[i].length,
                                 alignment: column.alignment, style: look)
            }
        }
    }
}
