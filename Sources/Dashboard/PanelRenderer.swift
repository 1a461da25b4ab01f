import Terminal

/// Draws one panel: its frame and title, then its content in the space inside, whatever the size.
public struct PanelRenderer {
    public var context: RenderContext

    public init(context: RenderContext) {
        self.context = context
    }

    var palette: Palette { context.palette }

    public func render(_ model: PanelModel, in rect: Rect, focused: Bool, tableSort: TableSort = TableSort(),
                       selection: Int? = nil, buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let block = Block(title: model.title.isEmpty ? nil : model.title, rightTitle: rightTitle(model),
                          borders: rect.height >= 3 && rect.width >= 3, lines: context.symbols.lines, style: palette.base,
                          borderStyle: palette.border, titleStyle: palette.title, focused: focused,
                          focusedBorderStyle: palette.borderFocused, focusedTitleStyle: palette.titleFocused)
        Clear(style: palette.base).render(area: rect, buffer: &buffer)
        block.render(area: rect, buffer: &buffer)
        var inner = block.inner(rect)
        guard !inner.isEmpty else { return }
        if let note = model.notes.first, inner.height >= 4 {
            let (top, bottom) = inner.splitBottom(1)
            inner = top
            buffer.setString("! " + note, x: bottom.x, y: bottom.y, width: bottom.width, alignment: .left,
                             style: palette.base.fg(palette.warning))
        }
        renderContent(model, in: inner, tableSort: tableSort, selection: selection, buffer: &buffer)
    }

    func rightTitle(_ model: PanelModel) -> String? {
        switch model.content {
        case .alerts:
            let firing = context.alerts.filter { $0.state == .firing }.count
            return firing > 0 ? "\(firing) firing" : nil
        case .targets:
            let up = context.targets.filter { $0.up == true }.count
            return "\(up)/\(context.targets.count) up"
        default: return nil
        }
    }

    func renderContent(_ model: PanelModel, in area: Rect, tableSort: TableSort, selection: Int?, buffer: inout Buffer) {
        switch model.content {
        case .chart(let c):
            if c.series.isEmpty { return centered("no data", area, palette.muted, &buffer) }
            chartWidget(c, unit: model.unit, height: area.height).render(area: area, buffer: &buffer)
        case .latency(let l): renderLatency(l, unit: model.unit, area, &buffer)
        case .queue(let q): renderQueue(q, area, &buffer)
        case .stat(let s): renderStat(s, unit: model.unit, area, &buffer)
        case .bars(let b): renderBars(b, unit: model.unit, area, &buffer)
        case .table(let t): renderTable(t, unit: model.unit, sort: tableSort, selection: selection, area, &buffer)
        case .alerts: alertTable(selection: selection).render(area: area, buffer: &buffer)
        case .targets: targetTable().render(area: area, buffer: &buffer)
        case .text(let text): Paragraph(text: text, style: palette.base).render(area: area, buffer: &buffer)
        case .message(let text, let isError):
            Paragraph(text: text, style: isError ? palette.base.fg(palette.critical) : palette.base.patched(palette.muted))
                .render(area: area, buffer: &buffer)
        }
    }

    func centered(_ text: String, _ area: Rect, _ style: Style, _ buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.setString(text, x: area.x, y: area.y + area.height / 2, width: area.width, alignment: .center,
                         style: palette.base.patched(style))
    }

    func chartWidget(_ c: ChartModel, unit: Unit, height: Int) -> Chart {
        let series = c.series.enumerated().map { i, s in
            ChartSeries(name: s.name, timestamps: s.timestamps, values: s.values, color: palette.seriesColor(i))
        }
        let thresholds = c.thresholds.map { t -> ChartThreshold in
            switch t.tone {
            case .config(let color): return ChartThreshold(value: t.value, color: context.color(color))
            case .alert: return ChartThreshold(value: t.value, color: palette.critical)
            }
        }
        let legend: Chart.Legend = height >= 8 + min(series.count, 4) ? .stats : height >= 5 ? .names : .none
        return Chart(series: series, symbols: context.symbols, timeRange: c.range, yMin: c.yMin, yMax: c.yMax,
                     logScale: c.log, stacked: c.stacked, thresholds: thresholds, formatter: Units.formatter(unit),
                     legend: legend, maxGap: c.stepMs + c.stepMs / 2, zoneOffsetSeconds: context.zoneOffsetSeconds,
                     style: palette.base, axisStyle: palette.axis, labelStyle: palette.label)
    }

    func renderLatency(_ l: LatencyModel, unit: Unit, _ area: Rect, _ buffer: inout Buffer) {
        var chartArea = area
        var heatArea = Rect.zero
        if l.showHeatmap && l.showQuantiles {
            if area.height >= 10 {
                (chartArea, heatArea) = area.splitTop(area.height * 3 / 5)
            }
        } else if l.showHeatmap {
            chartArea = .zero
            heatArea = area
        }
        if !chartArea.isEmpty {
            if l.quantiles.series.isEmpty {
                centered("no data", chartArea, palette.muted, &buffer)
            } else {
                chartWidget(l.quantiles, unit: unit, height: chartArea.height).render(area: chartArea, buffer: &buffer)
            }
        }
        if !heatArea.isEmpty {
            // More steps than columns: each column averages consecutive steps, so the whole window shows.
            let (columns, step) = Self.merged(l.heatmapColumns, stepMs: l.stepMs, room: max(1, heatArea.width - 7))
            Heatmap(columns: columns, bucketBounds: l.bucketBounds, startMs: l.startMs, stepMs: step,
                    ramp: palette.heatmap, formatter: Units.formatter(unit), symbols: context.symbols == .ascii ? .ascii : .block,
                    zoneOffsetSeconds: context.zoneOffsetSeconds, style: palette.base, labelStyle: palette.axis)
                .render(area: heatArea, buffer: &buffer)
        }
    }

    /// Columns merged k at a time (k the smallest that fits `room`), each the mean of its steps.
    static func merged(_ columns: [[Double]], stepMs: Int64, room: Int) -> (columns: [[Double]], stepMs: Int64) {
        guard columns.count > room, room > 0 else { return (columns, stepMs) }
        let k = (columns.count + room - 1) / room
        let merged = stride(from: 0, to: columns.count, by: k).map { i -> [Double] in
            let group = columns[i..<min(i + k, columns.count)]
            let width = group.map(\.count).max() ?? 0
            return (0..<width).map { b in
                group.reduce(0) { $0 + (b < $1.count && $1[b].isFinite ? $1[b] : 0) } / Double(group.count)
            }
        }
        return (merged, stepMs * Int64(k))
    }

    func renderQueue(_ q: QueueModel, _ area: Rect, _ buffer: inout Buffer) {
        if q.rows.isEmpty { return centered("no queues", area, palette.muted, &buffer) }
        let tableHeight = min(area.height, q.rows.count + 1)
        var tableArea = area
        if area.height - tableHeight >= 6 {
            let (top, bottom) = area.splitBottom(tableHeight)
            tableArea = bottom
            chartWidget(q.depth, unit: .count, height: 5).render(area: top, buffer: &buffer)
        }
        func f(_ v: Double?, _ unit: Unit) -> String { v.map { Units.format($0, unit, compact: true) } ?? "–" }
        let rows = q.rows.map { r -> [String] in
            let trend = r.slopePerSecond.map { ($0 > 0 ? "+" : "") + Units.format($0, .count) + "/s" } ?? "–"
            return [r.name, f(r.depth, .count), f(r.inRate, .opsPerSecond), f(r.outRate, .opsPerSecond),
                    f(r.consumers, .count), trend, r.outlook]
        }
        var styles: [Int: Style] = [:]
        for (i, r) in q.rows.enumerated() {
            if r.fullSeconds != nil { styles[i] = Style(fg: palette.critical) } else if (r.slopePerSecond ?? 0) > 0 && r.depth > 0 {
                styles[i] = Style(fg: palette.warning)
            }
        }
        let columns = [Table.Column("Queue", width: .fill(2)), Table.Column("Depth", width: .fill(1), alignment: .right),
                       Table.Column("In", width: .fill(1), alignment: .right), Table.Column("Out", width: .fill(1), alignment: .right),
                       Table.Column("Cons", width: .length(5), alignment: .right),
                       Table.Column("Trend", width: .fill(1), alignment: .right), Table.Column("Outlook", width: .fill(2))]
        Table(columns: columns, rows: rows, rowStyles: styles, style: palette.base, headerStyle: palette.header,
              selectedStyle: palette.selection, symbols: context.symbols).render(area: tableArea, buffer: &buffer)
    }

    func renderStat(_ s: StatModel, unit: Unit, _ area: Rect, _ buffer: inout Buffer) {
        let color = context.thresholdColor(s.value, s.thresholds, base: palette.seriesColor(0))
        let text = s.value.map { Units.format($0, unit, compact: true) } ?? "–"
        let valueRow = area.height >= 3 ? area.y + min(1, area.height - 3) : area.y
        buffer.setString(text, x: area.x, y: valueRow, width: area.width, alignment: .center,
                         style: palette.base.fg(color).adding(.bold))
        if area.height >= 2 {
            buffer.setString(s.label, x: area.x, y: valueRow + 1, width: area.width, alignment: .center,
                             style: palette.base.patched(palette.muted))
        }
        let sparkTop = valueRow + 2
        if area.bottom - sparkTop >= 1 && !s.history.isEmpty {
            Sparkline(values: s.history, style: palette.base.fg(color), symbols: context.symbols)
                .render(area: Rect(x: area.x, y: sparkTop, width: area.width, height: area.bottom - sparkTop), buffer: &buffer)
        }
    }

    func renderBars(_ b: BarsModel, unit: Unit, _ area: Rect, _ buffer: inout Buffer) {
        if b.items.isEmpty { return centered("no data", area, palette.muted, &buffer) }
        let thresholds = b.thresholds.map { (value: $0.value, color: context.color($0.color)) }
        if b.single, let item = b.items.first {
            let hi = b.max ?? Swift.max(item.value, 1)
            let ratio = hi > b.min ? (item.value - b.min) / (hi - b.min) : 0
            let color = context.thresholdColor(item.value, b.thresholds, base: palette.ok)
            let h = Swift.min(3, area.height)
            let bar = Rect(x: area.x, y: area.y + (area.height - h) / 2, width: area.width, height: h)
            Gauge(ratio: ratio, label: Units.format(item.value, unit, compact: true) + "  " + item.name, style: palette.base,
                  filledStyle: Style(fg: color), symbols: context.symbols).render(area: bar, buffer: &buffer)
            return
        }
        BarGauge(items: b.items.map { BarGauge.Item(label: $0.name, value: $0.value) }, min: b.min, max: b.max,
                 thresholds: thresholds, baseColor: palette.ok, formatter: Units.formatter(unit), style: palette.base,
                 labelStyle: palette.label, symbols: context.symbols).render(area: area, buffer: &buffer)
    }

    func renderTable(_ t: TableModel, unit: Unit, sort: TableSort, selection: Int?, _ area: Rect, _ buffer: inout Buffer) {
        if t.rows.isEmpty { return centered("no data", area, palette.muted, &buffer) }
        let rows = t.sorted(by: sort.column, ascending: sort.ascending).map { r -> [String] in
            [r.name] + [TableModel.Column.last, .min, .max, .avg].map { c in r.value(c).map { Units.format($0, unit, compact: true) } ?? "–" }
        }
        let columns = TableModel.Column.allCases.map { c in
            Table.Column(c.title, width: c == .name ? .fill(3) : .fill(1), alignment: c == .name ? .left : .right)
        }
        Table(columns: columns, rows: rows, selected: selection, sortColumn: sort.column.rawValue, sortAscending: sort.ascending,
              style: palette.base, headerStyle: palette.header, selectedStyle: palette.selection, symbols: context.symbols)
            .render(area: area, buffer: &buffer)
    }

    /// The alert list: firing and pending with how long, severity and summary; resolved ones after.
    func alertTable(selection: Int?) -> Table {
        let alerts = context.alerts.sorted(by: AlertRow.displayOrder)
        var styles: [Int: Style] = [:]
        let rows = alerts.enumerated().map { i, a -> [String] in
            switch a.state {
            case .firing: styles[i] = Style(fg: palette.critical)
            case .pending: styles[i] = Style(fg: palette.warning)
            case .resolved: styles[i] = palette.muted
            }
            let state = a.state.rawValue + (a.silenced ? " (silenced)" : "")
            let age = a.state == .resolved ? context.age(a.since) + " ago" : "for " + context.age(a.since)
            return [state, a.name, a.severity, age, a.summary]
        }
        let columns = [Table.Column("State", width: .length(10)), Table.Column("Alert", width: .fill(2)),
                       Table.Column("Severity", width: .length(8)), Table.Column("Since", width: .length(11)),
                       Table.Column("Summary", width: .fill(4))]
        return Table(columns: columns, rows: rows.isEmpty ? [["", "no alerts"]] : rows, rowStyles: styles,
                     selected: rows.isEmpty ? nil : selection, style: palette.base, headerStyle: palette.header,
                     selectedStyle: palette.selection, symbols: context.symbols)
    }

    /// Target health: up, last poll age, poll duration and the last error (sanitized by the table).
    func targetTable() -> Table {
        let targets = context.targets.sorted { ($0.job, $0.instance) < ($1.job, $1.instance) }
        var styles: [Int: Style] = [:]
        let rows = targets.enumerated().map { i, t -> [String] in
            let up: String
            switch t.up {
            case true?: up = "up"
            case false?: up = "down"; styles[i] = Style(fg: palette.critical)
            case nil: up = "–"; styles[i] = palette.muted
            }
            let last = t.lastPoll.map { context.age($0) + " ago" } ?? "never"
            return [t.job + " " + t.instance, up, last, Units.format(t.lastDuration, .seconds), t.lastError ?? ""]
        }
        let columns = [Table.Column("Target", width: .fill(3)), Table.Column("Up", width: .length(4)),
                       Table.Column("Polled", width: .length(9)), Table.Column("Took", width: .length(7), alignment: .right),
                       Table.Column("Error", width: .fill(3))]
        return Table(columns: columns, rows: rows.isEmpty ? [["no targets"]] : rows, rowStyles: styles, style: palette.base,
                     headerStyle: palette.header, selectedStyle: palette.selection, symbols: context.symbols)
    }
}
