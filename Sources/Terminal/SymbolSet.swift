/// The one option that picks how charts are drawn: braille dots (2×4 per cell), block elements
/// (quadrants and eighth blocks) or plain ASCII for terminals and fonts without either.
public enum SymbolSet: String, Hashable, Sendable, CaseIterable {
    case braille, block, ascii

    /// Dots per cell across and down on a canvas.
    public var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .braille: return (2, 4)
        case .block: return (2, 2)
        case .ascii: return (1, 2)
        }
    }

    /// The cell symbol for a canvas cell with dot bits set. Bit layout per set: braille uses the
    /// Unicode dot numbering (bit n = dot n+1); block and ASCII use bit (row * dotsX + column).
    public func canvasSymbol(_ bits: UInt8) -> String {
        switch self {
        case .braille: return Symbols.braille[Int(bits)]
        case .block: return Symbols.quadrants[Int(bits & 0x0F)]
        case .ascii: return Symbols.asciiDots[Int(bits & 0x03)]
        }
    }

    /// The bit for the dot at (column, row) inside one cell.
    @inlinable public func dotBit(column: Int, row: Int) -> UInt8 {
        switch self {
        case .braille: return Symbols.brailleBits[row & 3][column & 1]
        case .block: return 1 << UInt8((row & 1) * 2 + (column & 1))
        case .ascii: return 1 << UInt8(row & 1)
        }
    }

    /// Bar symbols from empty to full for one cell of a vertical bar (sparklines, bar charts).
    public var verticalLevels: [String] {
        switch self {
        case .braille, .block: return Symbols.verticalEighths
        case .ascii: return Symbols.asciiVertical
        }
    }

    /// Bar symbols from empty to full for one cell of a horizontal bar (gauges).
    public var horizontalLevels: [String] {
        switch self {
        case .braille, .block: return Symbols.horizontalEighths
        case .ascii: return Symbols.asciiHorizontal
        }
    }

    /// Shades from faint to solid for heatmap cells.
    public var shades: [String] {
        switch self {
        case .braille, .block: return ["░", "▒", "▓", "█"]
        case .ascii: return [".", ":", "+", "#"]
        }
    }

    /// The symbol set's line style for boxes.
    public var lines: LineSet { self == .ascii ? .ascii : .rounded }
}
