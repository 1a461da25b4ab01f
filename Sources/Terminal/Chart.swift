#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A time-series line chart: several series in their colours on a braille, block or ASCII canvas, a
/// y axis with 1-2-5 ticks (or decades on a log scale) labelled by a formatter, HH:MM(:SS) time labels,
/// gaps where data is missing, dashed threshold lines, optional stacking, and a legend with
/// last/min/max/avg. It degrades by dropping legend, then axes, as the area shrinks.
public struct Chart: Widget, Sendable {
    public enum Legend: Hashable, Sendable {
        case none
        /// One row of coloured names.
        case names
        /// One row per series: name, last, min, max, avg.
        case stats
    }

    public var series: [ChartSeries]
    public var symbols: SymbolSet
    /// Shown time span (Unix ms); nil: the data's own span.
    public var timeRange: ClosedRange<Int64>?
    /// Fixed bounds; nil bounds follow the data (widened to whole ticks).
    public var yMin: Double?
    public var yMax: Double?
    public var logScale: Bool
    /// Each series drawn on top of the sum of the ones before it (matched by timestamp).
    public var stacked: Bool
    public var thresholds: [ChartThreshold]
    public var formatter: @Sendable (Double) -> String
    public var legend: Legend
    /// Samples further apart than this (ms) are not joined; nil: 1.5 × each series' median step.
    public var maxGap: Int64?
    /// Time labels are shown in UTC shifted by this many seconds (the local zone, decided outside).
    public var zoneOffsetSeconds: Int
    public var showAxes: Bool
    public var style: Style
    public var axisStyle: Style
    public var labelStyle: Style

    public init(series: [ChartSeries], symbols: SymbolSet = .braille, timeRange: ClosedRange<Int64>? = nil,
                yMin: Double? = nil, yMax: Double? = nil, logScale: Bool = false, stacked: Bool = false,
                thresholds: [ChartThreshold] = [], formatter: @escaping @Sendable (Double) -> String = Units.formatter(.count),
                legend: Legend = .stats, maxGap: Int64? = nil, zoneOffsetSeconds: Int = 0, showAxes: Bool = true,
                style: Style = .plain, axisStyle: Style = Style(add: .dim), labelStyle: Style = .plain) {
        self.series = series
        self.symbols = symbols
        self.timeRange = timeRange
        self.yMin = yMin
        self.yMax = yMax
        self.logScale = logScale
        self.stacked = stacked
        self.thresholds = thresholds
        self.formatter = formatter
        self.legend = legend
        self.maxGap = maxGap
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.showAxes = showAxes
        self.style = style
        self.axisStyle = axisStyle
        self.labelStyle = labelStyle
    }

    /// The y scale the chart uses for a plot `rows` high: bounds and tick values.
    public struct Scale: Sendable {
        public var lower: Double
        public var upper: Double
        public var ticks: [Double]
        public var log: Bool

        /// Position of `v` from 0 (lower) to 1 (upper); NaN when it cannot be shown.
        public func fraction(_ v: Double) -> Double {
            if log {
                guard v > 0, lower > 0, upper > lower else { return .nan }
                return (log10(v) - log10(lower)) / (log10(upper) - log10(lower))
            }
            guard upper > lower else { return .nan }
            return (v - lower) / (upper - lower)
        }
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let plotted = stacked ? stackedSeries() : series
        let range = timeSpan()

        // Vertical budget: legend, then x axis (line + labels), then the plot.
        var legendRows = 0
        switch legend {
        case .none: break
        case .names: legendRows = area.height >= 4 && !series.isEmpty ? 1 : 0
        case .stats: legendRows = Swift.min(series.count, area.height / 3)
        }
        let xAxisRows = showAxes && area.height - legendRows >= 4 && area.width >= 12 ? 2 : 0
        let plotHeight = area.height - legendRows - xAxisRows
        guard plotHeight >= 1 else {
            drawLegend(Rect(x: area.x, y: area.y, width: area.width, height: area.height), range, &buffer)
            return
        }
        let scale = yScale(plotted, range: range, rows: plotHeight)
        let labels = scale.ticks.map { formatter($0) }
        let labelWidth = labels.map(TerminalText.width).max() ?? 0
        let yAxis = showAxes && area.width - (labelWidth + 1) >= 8
        let axisWidth = yAxis ? labelWidth + 1 : 0
        let plot = Rect(x: area.x + axisWidth, y: area.y, width: area.width - axisWidth, height: plotHeight)

        var canvas = Canvas(width: plot.width, height: plot.height, symbols: symbols)
        let dotW = Double(canvas.dotWidth - 1), dotH = Double(canvas.dotHeight - 1)
        // Timestamps are subtracted in Double: absurd values give off-screen positions, never a trap.
        let t0 = Double(range.lowerBound), span = Double(range.upperBound) - Double(range.lowerBound)
        func px(_ t: Int64) -> Double { span > 0 ? (Double(t) - t0) / span * dotW : dotW / 2 }
        func py(_ v: Double) -> Double { (1 - scale.fraction(v)) * dotH }

        for t in thresholds {
            let y = py(t.value)
            if y.isFinite && y > -0.5 && y < dotH + 0.5 {
                canvas.dashedHorizontal(dotY: Int(y.rounded()), color: t.color, on: symbols.dotsPerCell.x * 2,
                                        off: symbols.dotsPerCell.x * 2)
            }
        }
        for s in plotted {
            let gap = maxGap ?? s.inferredMaxGap() ?? Int64.max
            var prev: (x: Double, y: Double)?
            var prevT: Int64 = 0
            for k in 0..<s.timestamps.count {
                let v = s.values[k], t = s.timestamps[k]
                guard v.isFinite, !(logScale && v <= 0) else { prev = nil; continue }
                let p = (x: px(t), y: py(v))
                if let q = prev, t &- prevT <= gap, t >= prevT {
                    canvas.line(from: q, to: p, color: s.color)
                } else {
                    canvas.point(p, color: s.color)
                }
                prev = p
                prevT = t
            }
        }
        canvas.render(into: &buffer, x: plot.x, y: plot.y, style: style)

        let lines = symbols.lines
        let axis = style.patched(axisStyle)
        let labelLook = style.patched(labelStyle)
        if yAxis {
            let ax = plot.x - 1
            for y in plot.top..<plot.bottom { buffer.setGlyph(lines.vertical, x: ax, y: y, style: axis) }
            var lastRow = Int.min
            // Top tick first so the upper bound always gets its label.
            for (i, v) in scale.ticks.enumerated().reversed() {
                let f = scale.fraction(v)
                guard f.isFinite, f >= -1e-9, f <= 1 + 1e-9 else { continue }
                let row = plot.y + Swift.min(plot.height - 1, Swift.max(0, Int(((1 - f) * dotH).rounded()) / canvas.dotsY))
                if row == lastRow { continue }
                lastRow = row
                buffer.setGlyph(lines.verticalLeft, x: ax, y: row, style: axis)
                buffer.setString(labels[i], x: area.x, y: row, width: labelWidth, alignment: .right, style: labelLook)
            }
        }
        if xAxisRows > 0 {
            drawTimeAxis(plot: plot, axisX: yAxis ? plot.x - 1 : nil, area: area, range: range, dotsX: canvas.dotsX,
                         px: px, lines: lines, axis: axis, labelLook: labelLook, &buffer)
        }
        if legendRows > 0 {
            drawLegend(Rect(x: area.x, y: area.bottom - legendRows, width: area.width, height: legendRows), range, &buffer)
        }
    }

    /// The shown time span: `timeRange`, or from the first to the last timestamp of all series.
    func timeSpan() -> ClosedRange<Int64> {
        if let r = timeRange { return r }
        var lo = Int64.max, hi = Int64.min
        for s in series {
            if let f = s.timestamps.first { lo = Swift.min(lo, f) }
            if let l = s.timestamps.last { hi = Swift.max(hi, l) }
        }
        if lo > hi { return 0...60_000 }
        return lo...Swift.max(hi, lo.addingReportingOverflow(1000).overflow ? lo : lo + 1000)
    }

    /// Series with values replaced by running sums over the series before them at the same timestamp.
    func stackedSeries() -> [ChartSeries] {
        var sums: [Int64: Double] = [:]
        return series.map { s in
            var out = s
            for k in 0..<s.timestamps.count {
                let v = s.values[k]
                guard v.isFinite else { continue }
                let total = sums[s.timestamps[k], default: 0] + v
                sums[s.timestamps[k]] = total
                out.values[k] = total
            }
            return out
        }
    }

    /// The y scale for `rows` plot rows: data bounds within the time span (fixed bounds win), widened
    /// to nice ticks, about one tick every two rows.
    public func yScale(_ plotted: [ChartSeries], range: ClosedRange<Int64>, rows: Int) -> Scale {
        var lo = Double.infinity, hi = -Double.infinity
        for s in plotted {
            for (t, v) in zip(s.timestamps, s.values) where v.isFinite && range.contains(t) {
                if logScale && v <= 0 { continue }
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        if lo > hi { lo = logScale ? 1 : 0; hi = logScale ? 10 : 1 }
        let maxTicks = Swift.max(2, rows / 2 + 1)
        if logScale {
            let a = (yMin.map { $0 > 0 ? $0 : lo }) ?? lo
            let b = Swift.max(a, yMax ?? hi)
            let r = NiceScale.logTicks(min: a, max: b, maxTicks: maxTicks)
            let lower = yMin != nil ? a : r.lower, upper = yMax != nil && b > a ? b : r.upper
            return Scale(lower: lower, upper: upper, ticks: r.ticks.filter { $0 >= lower * 0.999999 && $0 <= upper * 1.000001 }, log: true)
        }
        let a = yMin ?? lo, b = yMax ?? hi
        let n = NiceScale(min: Swift.min(a, b), max: Swift.max(a, b), maxTicks: maxTicks,
                          fixedMin: yMin != nil, fixedMax: yMax != nil)
        return Scale(lower: n.lower, upper: n.upper, ticks: n.ticks, log: false)
    }

    private func drawTimeAxis(plot: Rect, axisX: Int?, area: Rect, range: ClosedRange<Int64>, dotsX: Int,
                              px: (Int64) -> Double, lines: LineSet, axis: Style, labelLook: Style, _ buffer: inout Buffer) {
        let y = plot.bottom
        if let ax = axisX { buffer.setGlyph(lines.bottomLeft, x: ax, y: y, style: axis) }
        for x in plot.left..<plot.right { buffer.setGlyph(lines.horizontal, x: x, y: y, style: axis) }
        let spanMs = range.upperBound.subtractingReportingOverflow(range.lowerBound).overflow ? Int64.max : range.upperBound - range.lowerBound
        let (step, withSeconds) = TimeAxis.step(spanMs: spanMs, width: plot.width)
        let ticks = TimeAxis.ticks(startMs: range.lowerBound, endMs: range.upperBound, stepSeconds: step,
                                   zoneOffsetSeconds: zoneOffsetSeconds)
        var nextFree = area.x
        for t in ticks {
            let col = plot.x + Swift.min(plot.width - 1, Swift.max(0, Int(px(t).rounded()) / dotsX))
            buffer.setGlyph(lines.horizontalDown, x: col, y: y, style: axis)
            let label = TimeAxis.label(ms: t, withSeconds: withSeconds, zoneOffsetSeconds: zoneOffsetSeconds)
            let w = label.count
            let start = Swift.min(Swift.max(col - w / 2, area.x), area.right - w)
            guard start >= nextFree else { continue }
            buffer.setString(label, x: start, y: y + 1, style: labelLook, clip: area)
            nextFree = start + w + 1
        }
    }

    private func drawLegend(_ rect: Rect, _ range: ClosedRange<Int64>, _ buffer: inout Buffer) {
        guard !rect.isEmpty, !series.isEmpty, legend != .none else { return }
        let marker = symbols == .ascii ? "*" : "■"
        let names = series.map { TerminalText.sanitize($0.name) }
        if legend == .names || rect.height == 1 && series.count > 1 {
            var x = rect.x
            for (i, s) in series.enumerated() {
                let w = 2 + TerminalText.width(names[i])
                if x + w > rect.right { break }
                buffer.setString(marker, x: x, y: rect.y, style: style.fg(s.color), clip: rect)
                buffer.setString(names[i], x: x + 2, y: rect.y, style: style.patched(labelStyle), clip: rect)
                x += w + 2
            }
            return
        }
        let shown = Array(series.prefix(rect.height))
        let kinds = ["last", "min", "max", "avg"]
        let stats: [[String]] = shown.map { s in
            guard let st = s.stats(in: range) else { return kinds.map { "\($0) –" } }
            return zip(kinds, [st.last, st.min, st.max, st.avg]).map { "\($0) \(formatter($1))" }
        }
        var columnWidths = (0..<kinds.count).map { j in stats.map { TerminalText.width($0[j]) }.max() ?? 0 }
        let nameWidth = Swift.min(names.prefix(shown.count).map(TerminalText.width).max() ?? 0, 24)
        // Drop stat columns from the right until the names keep at least 8 columns (or their width).
        while !columnWidths.isEmpty && 2 + Swift.min(nameWidth, 8) + columnWidths.reduce(0, { $0 + $1 + 2 }) > rect.width {
            columnWidths.removeLast()
        }
        let statsWidth = columnWidths.reduce(0) { $0 + $1 + 2 }
        let nameRoom = Swift.max(0, Swift.min(nameWidth, rect.width - 2 - statsWidth))
        for (i, s) in shown.enumerated() {
            let y = rect.y + i
            buffer.setString(marker, x: rect.x, y: y, style: style.fg(s.color), clip: rect)
            buffer.setString(names[i], x: rect.x + 2, y: y, width: nameRoom, alignment: .left,
                             style: style.patched(labelStyle), clip: rect)
            var x = rect.x + 2 + nameRoom
            for (j, w) in columnWidths.enumerated() {
                buffer.setString(stats[i][j], x: x + 2, y: y, width: w, alignment: .right, style: style, clip: rect)
                x += w + 2
            }
        }
    }
}
