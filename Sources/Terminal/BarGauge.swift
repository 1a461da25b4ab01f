/// Horizontal bars, one row each: label, bar coloured by threshold, formatted value (as Grafana's
/// bar gauge shows queue depths or per-instance values).
public struct BarGauge: Widget, Sendable {
    public struct Item: Hashable, Sendable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var items: [Item]
    public var min: Double
    /// nil: the largest value.
    public var max: Double?
    /// (from value, colour), ascending; below the first the base colour is used.
    public var thresholds: [(value: Double, color: Color)]
    public var baseColor: Color
    public var formatter: @Sendable (Double) -> String
    public var style: Style
    public var labelStyle: Style
    public var symbols: SymbolSet

    public init(items: [Item], min: Double = 0, max: Double? = nil, thresholds: [(value: Double, color: Color)] = [],
                baseColor: Color = .green, formatter: @escaping @Sendable (Double) -> String = Units.formatter(.count),
                style: Style = .plain, labelStyle: Style = .plain, symbols: SymbolSet = .block) {
        self.items = items
        self.min = min
        self.max = max
        self.thresholds = thresholds
        self.baseColor = baseColor
        self.formatter = formatter
        self.style = style
        self.labelStyle = labelStyle
        self.symbols = symbols
    }

    /// The colour for a value: the last threshold at or below it.
    public func color(for v: Double) -> Color {
        var c = baseColor
        for t in thresholds.sorted(by: { $0.value < $1.value }) where v >= t.value { c = t.color }
        return c
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let shown = Array(items.prefix(area.height))
        guard !shown.isEmpty else { return }
        let labels = shown.map { TerminalText.sanitize($0.label) }
        let values = shown.map { formatter($0.value) }
        let labelWidth = Swift.min(labels.map(TerminalText.width).max() ?? 0, area.width / 3)
        let valueWidth = Swift.min(values.map(TerminalText.width).max() ?? 0, area.width / 3)
        let barX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = area.right - barX - (valueWidth > 0 ? valueWidth + 1 : 0)
        let finite = shown.map(\.value).filter { $0.isFinite }
        let hi = max ?? (finite.max() ?? 1)
        let levelSymbols = symbols.horizontalLevels
        let levels = levelSymbols.count - 1
        for (i, item) in shown.enumerated() {
            let y = area.y + i
            buffer.setString(labels[i], x: area.x, y: y, width: labelWidth, alignment: .left, style: style.patched(labelStyle))
            if barWidth > 0 {
                let f = item.value.isFinite && hi > min ? Swift.min(1, Swift.max(0, (item.value - min) / (hi - min))) : 0
                let n = Int((f * Double(barWidth * levels)).rounded())
                let look = style.fg(color(for: item.value))
                for k in 0..<(n / levels) { buffer.setGlyph(levelSymbols[levels], x: barX + k, y: y, style: look) }
                if n % levels > 0 { buffer.setGlyph(levelSymbols[n % levels], x: barX + n / levels, y: y, style: look) }
            }
            if valueWidth > 0 {
                buffer.setString(values[i], x: area.right - valueWidth, y: y, width: valueWidth, alignment: .right, style: style)
            }
        }
    }
}
