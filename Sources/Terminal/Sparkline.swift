/// A compact bar-per-sample trend, newest on the right. Braille packs two samples per cell with four
/// levels a row; block elements give eight levels a row; ASCII five. NaN samples leave a gap.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    /// Bottom and top of the scale; nil means 0 and the largest value shown.
    public var min: Double?
    public var max: Double?
    public var style: Style
    public var symbols: SymbolSet

    public init(values: [Double], min: Double? = nil, max: Double? = nil, style: Style = .plain, symbols: SymbolSet = .block) {
        self.values = values
        self.min = min
        self.max = max
        self.style = style
        self.symbols = symbols
    }

    /// Braille bits for a left column filled `n` dots (0...4) from the bottom.
    static let brailleLeft: [UInt8] = [0, 0x40, 0x44, 0x46, 0x47]
    static let brailleRight: [UInt8] = [0, 0x80, 0xA0, 0xB0, 0xB8]

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let perCell = symbols == .braille ? 2 : 1
        let levels = symbols == .braille ? 4 : symbols.verticalLevels.count - 1
        let shown = Array(values.suffix(area.width * perCell))
        let lo = min ?? 0
        let finite = shown.filter { $0.isFinite }
        let hi = max ?? (finite.max() ?? 1)
        let total = area.height * levels
        // Height of each sample in sub-cell levels; -1 marks a gap.
        let heights: [Int] = shown.map { v in
            guard v.isFinite else { return -1 }
            guard hi > lo else { return v > lo ? total : 0 }
            let f = Swift.min(1, Swift.max(0, (v - lo) / (hi - lo)))
            return Int((f * Double(total)).rounded())
        }
        // Right-align: the newest sample sits in the last column.
        let slots = area.width * perCell
        let lead = slots - heights.count
        for col in 0..<area.width {
            for row in 0..<area.height {
                let y = area.bottom - 1 - row
                let x = area.x + col
                if symbols == .braille {
                    let li = col * 2 - lead, ri = col * 2 + 1 - lead
                    let lh = li >= 0 && li < heights.count ? heights[li] : -1
                    let rh = ri >= 0 && ri < heights.count ? heights[ri] : -1
                    let lf = Swift.min(4, Swift.max(0, lh - row * 4))
                    let rf = Swift.min(4, Swift.max(0, rh - row * 4))
                    let bits = Sparkline.brailleLeft[lf] | Sparkline.brailleRight[rf]
                    if bits != 0 { buffer.setGlyph(Symbols.braille[Int(bits)], x: x, y: y, style: style) }
                } else {
                    let i = col - lead
                    guard i >= 0 && i < heights.count else { continue }
                    let f = Swift.min(levels, Swift.max(0, heights[i] - row * levels))
                    if f > 0 { buffer.setGlyph(symbols.verticalLevels[f], x: x, y: y, style: style) }
                }
            }
        }
    }
}
