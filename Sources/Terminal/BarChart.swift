/// Vertical bars with labels under them and values above (a histogram of bucket counts, per-queue
/// depths); bar tops have eighth-cell precision.
public struct BarChart: Widget, Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Double
        public var color: Color?
        public init(label: String, value: Double, color: Color? = nil) {
            self.label = label
            self.value = value
            self.color = color
        }
    }

    public var bars: [Bar]
    public var barWidth: Int
    public var gap: Int
    /// nil: the largest value.
    public var max: Double?
    public var formatter: @Sendable (Double) -> String
    public var barColor: Color
    public var style: Style
    public var labelStyle: Style
    public var symbols: SymbolSet

    public init(bars: [Bar], barWidth: Int = 3, gap: Int = 1, max: Double? = nil,
                formatter: @escaping @Sendable (Double) -> String = Units.formatter(.count), barColor: Color = .cyan,
                style: Style = .plain, labelStyle: Style = Style(add: .dim), symbols: SymbolSet = .block) {
        self.bars = bars
        self.barWidth = barWidth
        self.gap = gap
        self.max = max
        self.formatter = formatter
        self.barColor = barColor
        self.style = style
        self.labelStyle = labelStyle
        self.symbols = symbols
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty, !bars.isEmpty else {
            if !a.isEmpty { Clear(style: style).render(area: a, buffer: &buffer) }
            return
        }
        Clear(style: style).render(area: a, buffer: &buffer)
        // Narrow the bars until they all fit (down to 1 column), then show as many as fit.
        var w = Swift.max(1, barWidth)
        let g = Swift.max(0, gap)
        while w > 1 && bars.count * (w + g) - g > area.width { w -= 1 }
        let count = Swift.min(bars.count, (area.width + g) / (w + g))
        let labelRows = area.height >= 3 ? 1 : 0
        let valueRows = area.height >= 4 ? 1 : 0
        let barRows = area.height - labelRows - valueRows
        guard barRows > 0, count > 0 else { return }
        let shown = Array(bars.prefix(count))
        let hi = max ?? (shown.map(\.value).filter { $0.isFinite }.max() ?? 1)
        let levels = symbols.verticalLevels
        let per = levels.count - 1
        let labelLook = style.patched(labelStyle)
        for (i, bar) in shown.enumerated() {
            let x = area.x + i * (w + g)
            let f = bar.value.isFinite && hi > 0 ? Swift.min(1, Swift.max(0, bar.value / hi)) : 0
            let n = Int((f * Double(barRows * per)).rounded())
            let look = style.fg(bar.color ?? barColor)
            for row in 0..<barRows {
                let fill = Swift.min(per, Swift.max(0, n - row * per))
                guard fill > 0 else { continue }
                for dx in 0..<w { buffer.setGlyph(levels[fill], x: x + dx, y: area.y + valueRows + barRows - 1 - row, style: look) }
            }
            if valueRows > 0 {
                // The value sits just above the bar's top cell.
                let top = area.y + valueRows + barRows - 1 - Swift.max(0, (n - 1) / per)
                let vy = n == 0 ? area.y + valueRows + barRows - 1 : top - 1
                buffer.setString(formatter(bar.value), x: x, y: Swift.max(area.y, vy), width: w, alignment: .center, style: style)
            }
            if labelRows > 0 {
                buffer.setString(TerminalText.sanitize(bar.label), x: x, y: area.bottom - 1, width: w, alignment: .center, style: labelLook)
            }
        }
    }
}
