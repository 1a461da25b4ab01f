/// Fast writes for widgets that already know their glyph is one narrow character.
extension Buffer {
    /// Writes `glyph` (one already-measured narrow character, e.g. a box or braille symbol) at (x, y),
    /// laying `style` over the cell. Outside the buffer nothing happens.
    public mutating func setGlyph(_ glyph: String, x: Int, y: Int, style: Style = .plain) {
        guard let i = index(x: x, y: y) else { return }
        var c = cells[i]
        if c.width == 1 {
            // The common case: no wide character to repair.
            c.apply(style)
            c.symbol = glyph
            cells[i] = c
            return
        }
        c.apply(style)
        c.symbol = glyph
        c.width = 1
        set(x: x, y: y, cell: c)
    }

    /// Sets every cell of `rect` (clipped) to `cell`, a narrow cell; wide characters cut by the edges
    /// of `rect` lose their other half.
    public mutating func clear(_ rect: Rect, to cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        var c = cell
        if c.width != 1 { c.glyph = .space; c.width = 1 }
        for y in r.top..<r.bottom {
            // The edge cells go through the checked path; the inside cannot cut a wide character
            // that is not also inside.
            set(x: r.left, y: y, cell: c)
            if r.width > 1 { set(x: r.right - 1, y: y, cell: c) }
            guard r.width > 2 else { continue }
            let row = (y - area.y) * area.width - area.x
            cells.withUnsafeMutableBufferPointer { p in
                for x in (r.left + 1)..<(r.right - 1) { p[row + x] = c }
            }
        }
    }

    /// Writes `text` aligned within `width` columns from x (cut with `…` when too long).
    @discardableResult
    public mutating func setString(_ text: String, x: Int, y: Int, width: Int, alignment: Alignment,
                                   style: Style = .plain, clip: Rect? = nil) -> Int {
        guard width > 0 else { return x }
        let cut = TerminalText.truncate(text, toWidth: width)
        let w = TerminalText.width(cut)
        let start: Int
        switch alignment {
        case .left: start = x
        case .right: start = x + width - w
        case .center: start = x + (width - w) / 2
        }
        let limit = Rect(x: x, y: y, width: width, height: 1)
        return setString(cut, x: start, y: y, style: style, clip: clip.map { $0.intersection(limit) } ?? limit)
    }
}
