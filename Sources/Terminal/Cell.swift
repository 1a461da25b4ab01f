/// One screen cell: the grapheme drawn there (a base character plus its zero-width marks) and its look.
///
/// A wide character occupies its cell and the next; the next cell holds the empty symbol and is never
/// drawn on its own. The grapheme is kept inline (`CellSymbol`), so a cell is plain data: no
/// allocation, no reference counting when frames are cleared, copied or compared.
public struct Cell: Hashable, Sendable {
    /// The grapheme as stored.
    public var glyph: CellSymbol
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes
    /// Columns the symbol takes: 1, 2 for a wide character, 0 for the continuation of one.
    public var width: UInt8

    public init(_ symbol: String = " ", fg: Color = .default, bg: Color = .default,
                attributes: Attributes = [], width: UInt8 = 1) {
        self.glyph = symbol == " " ? .space : CellSymbol(symbol)
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
        self.width = width
    }

    public static let blank = Cell()

    /// The grapheme drawn here ("" for the second half of a wide character).
    public var symbol: String {
        get { glyph.string }
        set { glyph = newValue == " " ? .space : CellSymbol(newValue) }
    }

    /// True for the second half of a wide character.
    public var isContinuation: Bool { width == 0 }

    /// Applies a style: colours it sets replace the cell's, attributes are added or removed.
    @inlinable public mutating func apply(_ style: Style) {
        if let c = style.fg { fg = c }
        if let c = style.bg { bg = c }
        if !style.add.isEmpty || !style.remove.isEmpty {
            attributes = attributes.subtracting(style.remove).union(style.add)
        }
    }

    /// The cell's look as a style (for copying it elsewhere).
    public var style: Style { Style(fg: fg, bg: bg, add: attributes, remove: Attributes(rawValue: 0xFF).subtracting(attributes)) }

    /// Same colours and attributes (the symbol aside).
    func sameLook(_ other: Cell) -> Bool {
        fg == other.fg && bg == other.bg && attributes == other.attributes
    }
}
