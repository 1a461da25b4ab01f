/// Grafana's layout read as sections (Grafana rows) of panels on the 24-column grid, and the
/// grouping of a section's panels into horizontal bands, which become Vigil rows.
enum GrafanaLayout {
    /// A panel with its grid position (x, y, w, h in grid units; a unit of height is about 30px).
    struct GridPanel {
        var json: JSONValue
        var x: Int, y: Int, w: Int, h: Int
    }

    /// A Grafana row and the panels under it.
    struct Section {
        var title: String?
        var collapsed: Bool
        var panels: [GridPanel]
    }

    /// Panels overlapping vertically, left to right.
    struct Band {
        var panels: [GridPanel]
        /// Height in grid units, from the top of the highest panel to the bottom of the lowest.
        var height: Int
    }

    /// Sections from the modern `panels` list (with `row` panels) or the legacy `rows` list.
    /// A section with panels but no Grafana row (those above the first row) has a nil title.
    static func sections(_ dashboard: JSONValue, notes: inout [ImportNote]) throws(GrafanaImportError) -> [Section] {
        let panelsValue = dashboard["panels"], rowsValue = dashboard["rows"]
        let hasLegacyRows = !(rowsValue?.array?.isEmpty ?? true)
        let hasPanels = !(panelsValue?.array?.isEmpty ?? true)
        if let panelsValue, hasPanels || !hasLegacyRows {
            guard let panels = panelsValue.array else {
                throw GrafanaImportError("\"panels\" must be a list, found \(panelsValue.kindName)")
            }
            return modern(panels, notes: &notes)
        }
        if let rowsValue {
            guard let rows = rowsValue.array else { throw GrafanaImportError("\"rows\" must be a list, found \(rowsValue.kindName)") }
            return legacy(rows)
        }
        throw GrafanaImportError("not a Grafana dashboard: it has no \"panels\" (or legacy \"rows\") list")
    }

    private static func grid(_ json: JSONValue, fallbackY: Int) -> GridPanel {
        let g = json["gridPos"]
        func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let d = g?[key]?.number, d.isFinite, abs(d) < 1e9 else { return fallback }
            return min(max(Int(d), range.lowerBound), range.upperBound)
        }
        return GridPanel(json: json, x: int("x", 0, 0...23), y: int("y", fallbackY, 0...1_000_000),
                         w: int("w", 12, 1...24), h: int("h", 8, 1...1000))
    }

    private static func modern(_ list: [JSONValue], notes: inout [ImportNote]) -> [Section] {
        var bottom = 0
        var items: [GridPanel] = []
        for json in list where json.object != nil {
            let p = grid(json, fallbackY: bottom)
            bottom = max(bottom, p.y + p.h)
            items.append(p)
        }
        // Grafana sorts by position on load; a stable sort keeps the file's order for ties.
        items = items.enumerated().sorted { ($0.element.y, $0.element.x, $0.offset) < ($1.element.y, $1.element.x, $1.offset) }.map(\.element)
        var sections: [Section] = [Section(title: nil, collapsed: false, panels: [])]
        for item in items {
            if item.json["type"]?.string == "row" {
                var section = Section(title: item.json["title"]?.string ?? "", collapsed: item.json["collapsed"]?.bool ?? false, panels: [])
                var nestedBottom = item.y + 1
                for nested in item.json["panels"]?.array ?? [] where nested.object != nil {
                    if nested["type"]?.string == "row" {
                        notes.append(ImportNote(.panelDropped, panel: nested["title"]?.string ?? "", row: section.title, "a row nested in a row is not valid Grafana"))
                        continue
                    }
                    let p = grid(nested, fallbackY: nestedBottom)
                    nestedBottom = max(nestedBottom, p.y + p.h)
                    section.panels.append(p)
                }
                sections.append(section)
            } else {
                sections[sections.count - 1].panels.append(item)
            }
        }
        if sections[0].panels.isEmpty { sections.removeFirst() }
        return sections
    }

    /// Legacy rows: `span` (of 12) per panel, `height` ("250px") per row.
    private static func legacy(_ rows: [JSONValue]) -> [Section] {
        var sections: [Section] = []
        var y = 0
        for row in rows where row.object != nil {
            let px = row["height"]?.number ?? row["height"]?.string.flatMap { Double($0.trimmed("px ")) } ?? 250
            let h = min(max(Int((px / 30).rounded()), 1), 1000)
            var x = 0
            var panels: [GridPanel] = []
            for json in row["panels"]?.array ?? [] where json.object != nil {
                let w = min(max(Int(((json["span"]?.number ?? 12) * 2).rounded()), 1), 24)
                if x + w > 24 { x = 0; y += h }
                panels.append(GridPanel(json: json, x: x, y: y, w: w, h: h))
                x += w
            }
            y += h
            let shown = row["showTitle"]?.bool ?? false
            let title = row["title"]?.string
            sections.append(Section(title: shown || title != "Dashboard Row" ? title : nil,
                                    collapsed: row["collapse"]?.bool ?? false, panels: panels))
        }
        return sections
    }

    /// Panels grouped into bands: a panel starting above the bottom of the current band joins it
    /// (so small panels stacked beside a tall one share its row). Within a band, panels go left
    /// to right, stacked ones top to bottom.
    static func bands(_ panels: [GridPanel]) -> [Band] {
        let sorted = panels.enumerated().sorted { ($0.element.y, $0.element.x, $0.offset) < ($1.element.y, $1.element.x, $1.offset) }.map(\.element)
        var bands: [Band] = []
        var top = 0, bottom = Int.min
        var current: [GridPanel] = []
        func close() {
            guard !current.isEmpty else { return }
            let ordered = current.enumerated().sorted { ($0.element.x, $0.element.y, $0.offset) < ($1.element.x, $1.element.y, $1.offset) }.map(\.element)
            bands.append(Band(panels: ordered, height: bottom - top))
            current = []
        }
        for p in sorted {
            if p.y >= bottom {
                close()
                top = p.y
                bottom = p.y + p.h
            } else {
                bottom = max(bottom, p.y + p.h)
            }
            current.append(p)
        }
        close()
        return bands
    }
}
