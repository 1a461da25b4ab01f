/// A progress bar filling its area left to right with eighth-cell precision and a centred label.
public struct Gauge: Widget, Sendable {
    /// 0...1 (clamped; NaN shows as empty).
    public var ratio: Double
    /// Defaults to the percentage.
    public var label: String?
    public var style: Style
    /// Applied to the filled part; its foreground is the bar colour.
    public var filledStyle: Style
    public var symbols: SymbolSet

    public init(ratio: Double, label: String? = nil, style: Style = .plain, filledStyle: Style = Style(fg: .green),
                symbols: SymbolSet = .block) {
        self.ratio = ratio
        self.label = label
        self.style = style
        self.filledStyle = filledStyle
        self.symbols = symbols
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let r = ratio.isFinite ? Swift.min(1, Swift.max(0, ratio)) : 0
        let levelSymbols = symbols.horizontalLevels
        let levels = levelSymbols.count - 1
        let filled = Int((r * Double(area.width * levels)).rounded())
        let full = filled / levels, part = filled % levels
        let fill = style.patched(filledStyle)
        for y in area.top..<area.bottom {
            for i in 0..<Swift.min(full, area.width) {
                buffer.setGlyph(levelSymbols[levels], x: area.x + i, y: y, style: fill)
            }
            if part > 0 && full < area.width {
                buffer.setGlyph(levelSymbols[part], x: area.x + full, y: y, style: fill)
            }
        }
        let text = TerminalText.sanitize(label ?? (Units.significant((r * 1000).rounded() / 10) + "%"))
        let cut = TerminalText.truncate(text, toWidth: area.width)
        let w = TerminalText.width(cut)
        let y = area.y + area.height / 2
        var x = area.x + (area.width - w) / 2
        TerminalText.forEachGlyph(cut) { g, gw in
            // Over the filled part the label is drawn reversed so it reads on the bar colour.
            let over = x - area.x < full
            let look = over ? fill.adding(.reverse) : style
            buffer.setString(g, x: x, y: y, style: look, clip: area)
            x += gw
            return true
        }
    }
}
