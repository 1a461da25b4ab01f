import Terminal

/// Drawing the whole screen: tab bar, body (dashboard, Explore or alerts), status or prompt line,
/// and the help overlay. Pure: reads the state and the models of the last refresh.
extension DashboardApp {
    /// The smallest screen that shows anything but the "too small" line.
    public static let minimumSize = (width: 20, height: 4)

    public var palette: Palette { theme.palette(for: colorLevel) }

    var renderContext: RenderContext {
        RenderContext(palette: palette, symbols: symbols, zoneOffsetSeconds: zoneOffsetSeconds, now: now,
                      alerts: alerts, targets: targets)
    }

    /// The current state drawn into a new buffer of any size (for `vigil snapshot`).
    public func snapshot(width: Int, height: Int) -> Buffer {
        var app = self
        app.size = (width, height)
        var buffer = Buffer(width: max(0, width), height: max(0, height))
        app.render(into: &buffer)
        return buffer
    }

    /// Draws the screen into `buffer` (its whole area).
    public func render(into buffer: inout Buffer) {
        let area = buffer.area
        let p = palette
        Clear(style: p.base).render(area: area, buffer: &buffer)
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else {
            let text = "Terminal too small (\(area.width)x\(area.height)); need \(Self.minimumSize.width)x\(Self.minimumSize.height)"
            buffer.setString(text, x: area.x, y: area.y, width: area.width, alignment: .left, style: p.base)
            return
        }
        var app = self
        app.size = (area.width, area.height)
        let (top, rest) = area.splitTop(1)
        var (body, bottom) = rest.splitBottom(1)
        app.renderTabs(top, &buffer)
        if let banner, body.height > 2 {
            let (line, below) = body.splitTop(1)
            banner.render(line, palette: p, buffer: &buffer)
            body = below
            app.size = (area.width, area.height - 1)
        }
        switch screen {
        case .dashboard(let d) where d < dashboards.count: app.renderDashboard(d, body, &buffer)
        case .dashboard: break
        case .explore: app.renderExplore(body, &buffer)
        case .alerts: app.renderAlerts(body, &buffer)
        }
        if prompt != nil { renderPrompt(bottom, &buffer) } else { renderStatus(bottom, &buffer) }
        if helpVisible {
            HelpOverlay(palette: p, lines: symbols.lines).render(area: body, buffer: &buffer)
        }
    }

    var tabTitles: [String] {
        dashboards.enumerated().map { i, d in (i < 9 ? "\(i + 1) " : "") + TerminalSafe.line(d.title) } + ["Explore"]
    }

    /// The tab under column x of the tab bar.
    func tabHit(x: Int) -> Int? {
        var col = 0
        for (i, t) in tabTitles.enumerated() {
            let w = TerminalText.width(t) + 2
            if x >= col && x < col + w { return i }
            col += w + 1
        }
        return nil
    }

    func renderTabs(_ area: Rect, _ buffer: inout Buffer) {
        let p = palette
        let firing = alerts.filter { $0.state == .firing }.count
        let pending = alerts.filter { $0.state == .pending }.count
        var summary: [Span] = []
        if firing > 0 { summary.append(Span(" \(firing) firing ", style: Style(fg: p.critical, add: .bold))) }
        if pending > 0 { summary.append(Span(" \(pending) pending ", style: Style(fg: p.warning))) }
        let summaryWidth = min(area.width / 3, Line(summary).width)
        let (tabsArea, summaryArea) = area.splitLeft(area.width - summaryWidth)
        Tabs(titles: tabTitles, selected: currentTab, style: p.base, selectedStyle: p.tabActive, divider: symbols.lines.vertical)
            .render(area: tabsArea, buffer: &buffer)
        if summaryWidth > 0 {
            Line(summary).render(x: summaryArea.x, y: summaryArea.y, width: summaryArea.width, base: p.base,
                                 alignment: .right, buffer: &buffer)
        }
    }

    func renderDashboard(_ d: Int, _ area: Rect, _ buffer: inout Buffer) {
        let renderer = PanelRenderer(context: renderContext)
        let dashboard = dashboards[d]
        let focused = focusedPanel
        func draw(_ id: PanelID, _ rect: Rect) {
            let model = models[id] ?? PanelModel(title: dashboard.panel(id)?.title ?? "", unit: .count,
                                                 content: .message("loading…", isError: false))
            renderer.render(model, in: rect, focused: id == focused, tableSort: tableSort(dashboard: d, panel: id),
                            selection: nil, buffer: &buffer)
        }
        if let m = maximized, dashboard.panel(m) != nil {
            draw(m, area)
            return
        }
        let layout = GridLayout.compute(dashboard, in: area)
        if layout.placements.isEmpty && layout.markers.isEmpty {
            buffer.setString(dashboard.rows.isEmpty ? "This dashboard has no panels" : "Enlarge the terminal to see panels",
                             x: area.x, y: area.y, width: area.width, alignment: .left, style: palette.base.patched(palette.muted))
        }
        for placement in layout.placements { draw(placement.id, placement.rect) }
        for marker in layout.markers {
            let y = marker.rect.y + (marker.rect.height - 1) / 2
            buffer.setString(marker.text, x: marker.rect.x, y: y, width: marker.rect.width, alignment: marker.rect.height == 1 ? .left : .right,
                             style: palette.base.patched(palette.muted))
        }
    }

    func renderAlerts(_ area: Rect, _ buffer: inout Buffer) {
        let p = palette
        let block = Block(title: "Alerts", rightTitle: "\(alerts.count) total", lines: symbols.lines, style: p.base,
                          borderStyle: p.border, titleStyle: p.title, focused: true, focusedBorderStyle: p.borderFocused,
                          focusedTitleStyle: p.titleFocused)
        block.render(area: area, buffer: &buffer)
        let inner = block.inner(area)
        // History and silences share the lower part when there is room for them.
        let lower = (alertHistory.isEmpty && silences.isEmpty) || inner.height < 12 ? 0 : min(inner.height / 2, 14)
        let (upper, rest) = inner.splitBottom(lower)
        PanelRenderer(context: renderContext).alertTable(selection: alertSelection).render(area: upper, buffer: &buffer)
        guard lower > 0 else { return }
        let ctx = renderContext
        let (historyArea, silenceArea) = silences.isEmpty ? (rest, Rect(x: rest.x, y: rest.y, width: 0, height: 0))
            : alertHistory.isEmpty ? (Rect(x: rest.x, y: rest.y, width: 0, height: 0), rest) : rest.splitLeft(rest.width * 3 / 5)
        if historyArea.width > 0 {
            let rows = alertHistory.map { h -> [String] in
                let fired = TimeAxis.label(ms: h.firedAt, withSeconds: true, zoneOffsetSeconds: zoneOffsetSeconds)
                let lasted = h.resolvedAt.map { RenderContext.duration($0 - h.firedAt) } ?? "firing " + ctx.age(h.firedAt)
                let resolved = h.resolvedAt.map { TimeAxis.label(ms: $0, withSeconds: true, zoneOffsetSeconds: zoneOffsetSeconds) } ?? "–"
                return [h.name, fired, lasted, resolved, h.labels]
            }
            let table = Table(columns: [Table.Column("History", width: .fill(2)), Table.Column("Fired", width: .length(8)),
                                        Table.Column("For", width: .length(12)), Table.Column("Resolved", width: .length(8)),
                                        Table.Column("Labels", width: .fill(3))],
                              rows: rows, style: p.base, headerStyle: p.header, symbols: symbols)
            table.render(area: historyArea, buffer: &buffer)
        }
        if silenceArea.width > 0 {
            var styles: [Int: Style] = [:]
            let rows = silences.enumerated().map { i, s -> [String] in
                if !s.active { styles[i] = p.muted }
                let until = (s.active ? "until " : "ended ") + TimeAxis.label(ms: s.endsAt, withSeconds: false, zoneOffsetSeconds: zoneOffsetSeconds)
                return [s.matchers, until, s.createdBy, s.comment]
            }
            Table(columns: [Table.Column("Silences", width: .fill(3)), Table.Column("Until", width: .length(11)),
                            Table.Column("By", width: .length(8)), Table.Column("Comment", width: .fill(2))],
                  rows: rows, rowStyles: styles, style: p.base, headerStyle: p.header, symbols: symbols)
                .render(area: silenceArea, buffer: &buffer)
        }
    }

    func renderExplore(_ area: Rect, _ buffer: inout Buffer) {
        let p = palette
        let renderer = PanelRenderer(context: renderContext)
        if let entry = explore.graphed {
            switch explore.mode {
            case .graph, .table:
                let model = exploreModel ?? PanelModel(title: entry.name, unit: .count, content: .message("loading…", isError: false))
                renderer.render(model, in: area, focused: true, buffer: &buffer)
            case .raw:
                let block = Block(title: entry.name + " (raw samples)", lines: symbols.lines, style: p.base, borderStyle: p.border,
                                  titleStyle: p.title, focused: true, focusedBorderStyle: p.borderFocused, focusedTitleStyle: p.titleFocused)
                block.render(area: area, buffer: &buffer)
                let columns = [Table.Column("Series", width: .fill(3)), Table.Column("Time", width: .length(8)),
                               Table.Column("Value", width: .fill(1), alignment: .right)]
                Table(columns: columns, rows: rawRows.isEmpty ? [["no samples in the window"]] : rawRows, style: p.base,
                      headerStyle: p.header, symbols: symbols).render(area: block.inner(area), buffer: &buffer)
            }
            return
        }
        let matches = explore.matches
        let (searchLine, listArea) = area.splitTop(1)
        let cursor = symbols == .ascii ? "_" : "▏"
        let count = "\(matches.count) of \(explore.entries.count) metrics"
        Line([Span("Search: ", style: p.header), Span(TerminalSafe.line(explore.query) + cursor),
              Span("  " + count, style: p.muted)])
            .render(x: searchLine.x, y: searchLine.y, width: searchLine.width, base: p.base, alignment: .left, buffer: &buffer)
        if matches.isEmpty {
            let text = catalog == nil ? "no metric store" : explore.entries.isEmpty ? "no metrics yet" : "nothing matches"
            buffer.setString(text, x: listArea.x, y: listArea.y + 1, width: listArea.width, alignment: .left,
                             style: p.base.patched(p.muted))
            return
        }
        let columns = [Table.Column("Metric", width: .fill(3)), Table.Column("Type", width: .length(9)),
                       Table.Column("Series", width: .length(6), alignment: .right), Table.Column("Help", width: .fill(4))]
        let rows = matches.map { [$0.name, $0.type.rawValue, String($0.seriesCount), $0.help] }
        Table(columns: columns, rows: rows, selected: min(explore.selected, matches.count - 1), style: p.base,
              headerStyle: p.header, selectedStyle: p.selection, symbols: symbols).render(area: listArea, buffer: &buffer)
    }

    /// Poll health as `12/13 up`; nil without targets.
    public var healthSummary: String? {
        guard !targets.isEmpty else { return nil }
        return "\(targets.filter { $0.up == true }.count)/\(targets.count) up"
    }

    func renderStatus(_ area: Rect, _ buffer: inout Buffer) {
        let p = palette
        var spans: [Span] = []
        spans.append(Span(" " + TimeAxis.label(ms: now, withSeconds: true, zoneOffsetSeconds: zoneOffsetSeconds) + " "))
        if let h = healthSummary {
            let down = targets.contains { $0.up == false }
            spans.append(Span(" " + h + " ", style: Style(fg: down ? p.critical : p.ok, add: .bold)))
        }
        let mode = isPaused ? "PAUSED" : window.isLive ? liveLabel : "HISTORY"
        spans.append(Span(" " + mode + " ", style: Style(add: .bold)))
        spans.append(Span(" " + window.label + " "))
        if let f = filter { spans.append(Span(" /" + TerminalSafe.line(f) + "/ ")) }
        if let m = message {
            spans.append(Span(" " + m.text + " ", style: m.isError ? Style(fg: p.critical, add: .bold) : Style(add: .bold)))
        }
        spans.append(Span(" "))
        for (i, hint) in KeyTable.hints(in: context).enumerated() {
            if i > 0 { spans.append(Span(" ")) }
            spans.append(Span(hint.key, style: p.hintKey))
            spans.append(Span(" " + hint.label))
        }
        StatusBar(left: spans, style: p.status).render(area: area, buffer: &buffer)
    }

    func renderPrompt(_ area: Rect, _ buffer: inout Buffer) {
        guard let prompt else { return }
        let p = palette
        let cursor = symbols == .ascii ? "_" : "▏"
        var spans = [Span(prompt.lead, style: p.header), Span(TerminalSafe.line(prompt.text) + cursor)]
        if let e = prompt.error { spans.append(Span("  " + e, style: Style(fg: p.critical, add: .bold))) }
        Clear(style: p.base).render(area: area, buffer: &buffer)
        Line(spans).render(x: area.x, y: area.y, width: area.width, base: p.base, alignment: .left, buffer: &buffer)
    }
}
