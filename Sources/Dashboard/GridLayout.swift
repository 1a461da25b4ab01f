import Terminal

/// Where each panel of a dashboard goes in an area: rows share the height by weight (each at least
/// its `min_height`), panels share their row's width by weight (each at least its `min_width`).
/// What does not fit is hidden, in order from the end, and counted in a `+N hidden` marker.
public struct GridLayout: Hashable, Sendable {
    public struct Placement: Hashable, Sendable {
        public var id: PanelID
        public var rect: Rect
    }

    /// A `+N hidden` note: in a row for panels, or on the last line for whole rows.
    public struct Marker: Hashable, Sendable {
        public var hidden: Int
        public var rect: Rect
        public var text: String
    }

    public var placements: [Placement]
    public var markers: [Marker]

    public init(placements: [Placement], markers: [Marker]) {
        self.placements = placements
        self.markers = markers
    }

    /// The rectangle of a visible panel.
    public func rect(of id: PanelID) -> Rect? { placements.first { $0.id == id }?.rect }

    public static func compute(_ dashboard: DashboardSpec, in area: Rect) -> GridLayout {
        guard !area.isEmpty, !dashboard.rows.isEmpty else { return GridLayout(placements: [], markers: []) }
        let minimums = dashboard.rows.map { max(1, $0.effectiveMinHeight) }
        var shown = fitting(minimums, length: area.height)
        var rowsArea = area
        var markers: [Marker] = []
        if shown < dashboard.rows.count {
            // Keep the last line for the marker.
            shown = fitting(minimums, length: area.height - 1)
            let (top, bottom) = area.splitBottom(1)
            rowsArea = top
            let hidden = dashboard.rows.count - shown
            let text = "+\(hidden) hidden row\(hidden == 1 ? "" : "s"): enlarge the terminal or maximize a panel (Enter)"
            markers.append(Marker(hidden: hidden, rect: bottom, text: text))
        }
        guard shown > 0 else { return GridLayout(placements: [], markers: markers) }
        let heights = distribute(length: rowsArea.height, weights: dashboard.rows.prefix(shown).map(\.height),
                                 minimums: Array(minimums.prefix(shown)))
        var placements: [Placement] = []
        var y = rowsArea.y
        for (r, h) in heights.enumerated() {
            let rowRect = Rect(x: rowsArea.x, y: y, width: rowsArea.width, height: h)
            y += h
            layoutRow(dashboard.rows[r], index: r, in: rowRect, placements: &placements, markers: &markers)
        }
        return GridLayout(placements: placements, markers: markers)
    }

    private static func layoutRow(_ row: DashboardSpec.Row, index r: Int, in rect: Rect,
                                  placements: inout [Placement], markers: inout [Marker]) {
        guard !row.panels.isEmpty else { return }
        let minimums = row.panels.map { max(1, $0.effectiveMinWidth) }
        var shown = fitting(minimums, length: rect.width)
        var panelsArea = rect
        if shown < row.panels.count {
            var hidden = row.panels.count - shown
            var text = "+\(hidden) hidden"
            shown = fitting(minimums, length: rect.width - TerminalText.width(text) - 1)
            hidden = row.panels.count - shown
            text = "+\(hidden) hidden"
            if shown == 0 || rect.width - TerminalText.width(text) - 1 < minimums[0] {
                text = "+\(hidden)"
                shown = fitting(minimums, length: rect.width - TerminalText.width(text) - 1)
                hidden = row.panels.count - shown
                text = "+\(hidden)"
            }
            let w = min(rect.width, TerminalText.width(text) + 1)
            let (left, right) = rect.splitLeft(rect.width - w)
            panelsArea = left
            markers.append(Marker(hidden: hidden, rect: right, text: text))
        }
        guard shown > 0 else { return }
        let widths = distribute(length: panelsArea.width, weights: row.panels.prefix(shown).map(\.width),
                                minimums: Array(minimums.prefix(shown)))
        var x = panelsArea.x
        for (c, w) in widths.enumerated() {
            placements.append(Placement(id: PanelID(row: r, column: c), rect: Rect(x: x, y: panelsArea.y, width: w, height: panelsArea.height)))
            x += w
        }
    }

    /// How many leading parts fit in `length` at their minimum sizes.
    static func fitting(_ minimums: [Int], length: Int) -> Int {
        var used = 0
        for (i, m) in minimums.enumerated() {
            if used + m > length { return i }
            used += m
        }
        return minimums.count
    }

    /// Splits `length` by weights so that every part gets at least its minimum (the minimums must
    /// fit): parts that would fall short are fixed at their minimum and the rest is shared again.
    static func distribute(length: Int, weights: [Double], minimums: [Int]) -> [Int] {
        var fixed = [Int?](repeating: nil, count: weights.count)
        for _ in 0...weights.count {
            let constraints: [Layout.Constraint] = weights.indices.map { i in
                fixed[i].map { .length($0) } ?? .fill(weights[i])
            }
            let sizes = Layout.split(length: length, constraints: constraints).map(\.length)
            var changed = false
            for i in weights.indices where fixed[i] == nil && sizes[i] < minimums[i] {
                fixed[i] = minimums[i]
                changed = true
            }
            if !changed { return sizes }
        }
        return Layout.split(length: length, constraints: weights.indices.map { .length(fixed[$0] ?? minimums[$0]) }).map(\.length)
    }
}
