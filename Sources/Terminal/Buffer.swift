/// The in-memory screen: a flat row-major array of cells over a rectangle.
///
/// Widgets paint into a buffer; the backend writes `diff(previous)` to the real terminal. Writes keep
/// wide characters whole: overwriting either half of a wide character blanks the other half, and a
/// wide character with no room for its second half becomes a space.
public struct Buffer: Sendable, Equatable {
    public private(set) var area: Rect
    public internal(set) var cells: [Cell]

    public init(area: Rect, fill: Cell = .blank) {
        self.area = area
        self.cells = [Cell](repeating: fill, count: area.area)
    }

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.init(area: Rect(x: 0, y: 0, width: width, height: height), fill: fill)
    }

    /// Index of (x, y) in `cells`, or nil outside the area.
    @inlinable public func index(x: Int, y: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        return (y - area.y) * area.width + (x - area.x)
    }

    /// The cell at (x, y); a blank cell outside the area.
    public subscript(x: Int, y: Int) -> Cell {
        guard let i = index(x: x, y: y) else { return .blank }
        return cells[i]
    }

    /// Every cell back to `fill`.
    public mutating func reset(fill: Cell = .blank) {
        for i in cells.indices { cells[i] = fill }
    }

    /// A new area; contents are cleared.
    public mutating func resize(to newArea: Rect, fill: Cell = .blank) {
        area = newArea
        cells = [Cell](repeating: fill, count: newArea.area)
    }

    /// Writes one whole cell, keeping wide characters consistent.
    public mutating func set(x: Int, y: Int, cell: Cell) {
        guard let i = index(x: x, y: y) else { return }
        put(i, x: x, cell)
    }

    /// Writes one glyph (a base character with its marks) at (x, y) with `style` laid over the cell.
    /// The glyph should be a single character; its width is measured.
    public mutating func set(x: Int, y: Int, symbol: String, style: Style = .plain) {
        guard let i = index(x: x, y: y) else { return }
        var c = cells[i]
        if c.isContinuation || c.width == 2 { c = Cell(fg: c.fg, bg: c.bg, attributes: c.attributes) }
        c.apply(style)
        var w = 0
        TerminalText.forEachGlyph(symbol) { g, gw in
            c.symbol = g
            w = gw
            return false
        }
        if w == 0 { c.glyph = .space; w = 1 }
        c.width = UInt8(w)
        put(i, x: x, c)
    }

    /// Lays `style` over every cell of `rect` (clipped to the buffer).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            let row = (y - area.y) * area.width - area.x
            for x in r.left..<r.right { cells[row + x].apply(style) }
        }
    }

    /// Fills `rect` (clipped) with `symbol` (one narrow glyph) in `style` over the existing look.
    public mutating func fill(_ rect: Rect, symbol: String = " ", style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            for x in r.left..<r.right {
                let i = (y - area.y) * area.width + (x - area.x)
                var c = cells[i]
                c.apply(style)
                c.symbol = symbol
                c.width = 1
                put(i, x: x, c)
            }
        }
    }

    /// Writes `text` from (x, y) rightwards, clipped to `clip` (and the buffer). Controls are never
    /// written (tab and newline show as spaces); a wide character that would straddle the right edge
    /// becomes a space. Returns the column after the last one written.
    @discardableResult
    public mutating func setString(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let c = (clip ?? area).intersection(area)
        guard y >= c.top && y < c.bottom && !c.isEmpty else { return x }
        var col = x
        let rowBase = (y - area.y) * area.width - area.x
        TerminalText.forEachGlyph(text) { glyph, w in
            if col >= c.right { return false }
            if col + w > c.right {
                // A wide character with only one column left: a space instead.
                if col >= c.left { writeGlyph(rowBase + col, x: col, " ", 1, style) }
                col += 1
                return false
            }
            if col < c.left {
                if col + w > c.left { writeGlyph(rowBase + c.left, x: c.left, " ", 1, style) }
                col += w
                return true
            }
            writeGlyph(rowBase + col, x: col, glyph, w, style)
            col += w
            return true
        }
        return col
    }

    private mutating func writeGlyph(_ i: Int, x: Int, _ glyph: String, _ w: Int, _ style: Style) {
        var c = cells[i]
        c.apply(style)
        c.symbol = glyph
        c.width = UInt8(w)
        put(i, x: x, c)
    }

    /// Stores `cell` at index `i` (column `x`), repairing any wide character it cuts in half.
    private mutating func put(_ i: Int, x: Int, _ cell: Cell) {
        let old = cells[i]
        if old.width == 0 && x > area.x {
            // Overwriting the right half of a wide character: its left half becomes a space.
            var head = cells[i - 1]
            if head.width == 2 { head.glyph = .space; head.width = 1; cells[i - 1] = head }
        }
        if old.width == 2 && x + 1 < area.right && cells[i + 1].width == 0 {
            var tail = cells[i + 1]
            tail.glyph = .space
            tail.width = 1
            cells[i + 1] = tail
        }
        var c = cell
        if c.width == 0 { c.width = 1; if c.glyph.isEmpty { c.glyph = .space } }
        if c.width == 2 {
            guard x + 1 < area.right else {
                c.glyph = .space
                c.width = 1
                cells[i] = c
                return
            }
            let next = cells[i + 1]
            if next.width == 2 && x + 2 < area.right && cells[i + 2].width == 0 {
                var tail = cells[i + 2]
                tail.glyph = .space
                tail.width = 1
                cells[i + 2] = tail
            }
            var tail = c
            tail.glyph = .empty
            tail.width = 0
            cells[i + 1] = tail
        }
        cells[i] = c
    }

    /// The cells that differ from `previous`, in screen order, as the backend must write them. The
    /// second half of a wide character is never listed (writing the first half draws it). When the
    /// areas differ every cell is listed.
    public func diff(_ previous: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        var out: [(x: Int, y: Int, cell: Cell)] = []
        let w = area.width
        guard w > 0 else { return out }
        if previous.area != area {
            for (i, c) in cells.enumerated() where c.width != 0 {
                out.append((area.x + i % w, area.y + i / w, c))
            }
            return out
        }
        cells.withUnsafeBufferPointer { now in
            previous.cells.withUnsafeBufferPointer { before in
                for i in 0..<now.count {
                    let c = now[i]
                    if c.width != 0 && c != before[i] {
                        out.append((area.x + i % w, area.y + i / w, c))
                    }
                }
            }
        }
        return out
    }
}
