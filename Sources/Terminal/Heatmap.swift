/// Latency buckets over time: one column per time step, one row band per bucket range, each cell
/// shaded and coloured by its count on a ramp (low → high), so both colour and shade carry the level
/// (readable in monochrome too). Newest column on the right.
public struct Heatmap: Widget, Sendable {
    /// Counts per time step; each column lists counts per bucket, lowest bucket first.
    public var columns: [[Double]]
    /// Upper bound of each bucket (may end in +Inf), for the y labels.
    public var bucketBounds: [Double]
    /// Time of the first column and the step between columns (Unix ms), for the x labels.
    public var startMs: Int64?
    public var stepMs: Int64
    public var ramp: [Color]
    /// Shade by log(1 + count) so sparse buckets stay visible next to hot ones.
    public var logCounts: Bool
    public var formatter: @Sendable (Double) -> String
    public var symbols: SymbolSet
    public var zoneOffsetSeconds: Int
    public var showAxes: Bool
    public var style: Style
    public var labelStyle: Style

    public init(columns: [[Double]], bucketBounds: [Double], startMs: Int64? = nil, stepMs: Int64 = 15_000,
                ramp: [Color] = [.blue, .cyan, .green, .yellow, .red], logCounts: Bool = true,
                formatter: @escaping @Sendable (Double) -> String = Units.formatter(.seconds), symbols: SymbolSet = .block,
                zoneOffsetSeconds: Int = 0, showAxes: Bool = true, style: Style = .plain, labelStyle: Style = Style(add: .dim)) {
        self.columns = columns
        self.bucketBounds = bucketBounds
        self.startMs = startMs
        self.stepMs = stepMs
        self.ramp = ramp
        self.logCounts = logCounts
        self.formatter = formatter
        self.symbols = symbols
        self.zoneOffsetSeconds = zoneOffsetSeconds
        self.showAxes = showAxes
        self.style = style
        self.labelStyle = labelStyle
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let buckets = columns.map(\.count).max() ?? 0
        guard buckets > 0 else { return }
        let labels = bucketBounds.map { $0.isInfinite ? "+Inf" : formatter($0) }
        let labelWidth = showAxes ? (labels.map(TerminalText.width).max() ?? 0) : 0
        let yAxis = labelWidth > 0 && area.width - labelWidth - 1 >= 4
        let xAxis = showAxes && startMs != nil && area.height >= 4
        let plot = Rect(x: area.x + (yAxis ? labelWidth + 1 : 0), y: area.y,
                        width: area.width - (yAxis ? labelWidth + 1 : 0), height: area.height - (xAxis ? 1 : 0))
        guard !plot.isEmpty else { return }
        let shown = Array(columns.suffix(plot.width))
        let lead = plot.width - shown.count
        // Bucket range of each row band (row 0 at the bottom).
        let bands: [Range<Int>] = (0..<plot.height).map { r in
            if buckets >= plot.height {
                return (r * buckets / plot.height)..<((r + 1) * buckets / plot.height)
            }
            let b = r * buckets / plot.height
            return b..<(b + 1)
        }
        var grid = [Double](repeating: 0, count: shown.count * plot.height)
        var peak = 0.0
        for (c, column) in shown.enumerated() {
            for r in 0..<plot.height {
                var sum = 0.0
                for b in bands[r] where b < column.count && column[b].isFinite && column[b] > 0 { sum += column[b] }
                grid[c * plot.height + r] = sum
                peak = Swift.max(peak, sum)
            }
        }
        let shades = symbols.shades
        if peak > 0 && !ramp.isEmpty {
            for c in 0..<shown.count {
                for r in 0..<plot.height {
                    let v = grid[c * plot.height + r]
                    guard v > 0 else { continue }
                    let f = logCounts ? Heatmap.log1p(v) / Heatmap.log1p(peak) : v / peak
                    let shade = shades[Swift.min(shades.count - 1, Int(f * Double(shades.count)))]
                    let color = ramp[Swift.min(ramp.count - 1, Int(f * Double(ramp.count)))]
                    buffer.setGlyph(shade, x: plot.x + lead + c, y: plot.bottom - 1 - r, style: style.fg(color))
                }
            }
        }
        let look = style.patched(labelStyle)
        if yAxis {
            // Labels at the top, middle and bottom bands: the band's highest bucket bound.
            var rows = [plot.height - 1, (plot.height - 1) / 2, 0]
            if plot.height < 3 { rows = Array(Set(rows)).sorted(by: >) }
            var used = Set<Int>()
            for r in rows where !used.contains(r) {
                used.insert(r)
                let b = Swift.max(bands[r].lowerBound, bands[r].upperBound - 1)
                guard b < labels.count else { continue }
                buffer.setString(labels[b], x: area.x, y: plot.bottom - 1 - r, width: labelWidth, alignment: .right, style: look)
            }
        }
        if xAxis, let start = startMs, stepMs > 0 {
            let firstIndex = columns.count - shown.count
            let t0 = start &+ Int64(firstIndex) &* stepMs
            let t1 = t0 &+ Int64(Swift.max(0, shown.count - 1)) &* stepMs
            let (step, withSeconds) = TimeAxis.step(spanMs: Swift.max(stepMs, t1 &- t0), width: plot.width)
            var nextFree = area.x
            for t in TimeAxis.ticks(startMs: t0, endMs: t1, stepSeconds: step, zoneOffsetSeconds: zoneOffsetSeconds) {
                let col = plot.x + lead + Int((t &- t0) / stepMs)
                let label = TimeAxis.label(ms: t, withSeconds: withSeconds, zoneOffsetSeconds: zoneOffsetSeconds)
                let x = Swift.min(Swift.max(col - label.count / 2, area.x), area.right - label.count)
                guard x >= nextFree else { continue }
                buffer.setString(label, x: x, y: plot.bottom, style: look, clip: area)
                nextFree = x + label.count + 1
            }
        }
    }

    /// ln(1 + x) by the series for small x and halving otherwise (no libm needed here).
    static func log1p(_ x: Double) -> Double {
        var v = 1 + x
        var k = 0.0
        while v > 2 { v /= 2; k += 1 }
        // ln(v) for v in (1, 2] via atanh series: ln(v) = 2 atanh((v-1)/(v+1)).
        let z = (v - 1) / (v + 1), z2 = z * z
        var term = z, sum = 0.0, n = 1.0
        for _ in 0..<20 {
            sum += term / n
            term *= z2
            n += 2
        }
        return 2 * sum + k * 0.6931471805599453
    }
}
