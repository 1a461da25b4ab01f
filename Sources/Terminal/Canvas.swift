/// A dot grid over a block of cells (2×4 braille, 2×2 quadrant or 1×2 ASCII dots per cell) on which
/// charts draw lines; each cell keeps the colour of the last thing drawn in it.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    public let symbols: SymbolSet
    public let dotsX: Int
    public let dotsY: Int
    private var bits: [UInt8]
    private var colors: [Color]

    public init(width: Int, height: Int, symbols: SymbolSet) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.symbols = symbols
        (dotsX, dotsY) = symbols.dotsPerCell
        bits = [UInt8](repeating: 0, count: self.width * self.height)
        colors = [Color](repeating: .default, count: self.width * self.height)
    }

    /// Dots across and down; dot (0, 0) is the top-left.
    public var dotWidth: Int { width * dotsX }
    public var dotHeight: Int { height * dotsY }

    public mutating func clear() {
        for i in bits.indices { bits[i] = 0 }
    }

    /// Sets one dot (ignored outside the grid).
    @inlinable public mutating func set(dotX px: Int, dotY py: Int, color: Color) {
        guard px >= 0, py >= 0, px < dotWidth, py < dotHeight else { return }
        setUnchecked(px, py, color)
    }

    @usableFromInline mutating func setUnchecked(_ px: Int, _ py: Int, _ color: Color) {
        let cx = px / dotsX, cy = py / dotsY
        let i = cy * width + cx
        bits[i] |= symbols.dotBit(column: px - cx * dotsX, row: py - cy * dotsY)
        colors[i] = color
    }

    /// A straight line between two dot positions (any real coordinates; clipped to the grid first).
    public mutating func line(from p0: (x: Double, y: Double), to p1: (x: Double, y: Double), color: Color) {
        guard dotWidth > 0, dotHeight > 0 else { return }
        guard let (a, b) = Canvas.clip(p0, p1, maxX: Double(dotWidth - 1), maxY: Double(dotHeight - 1)) else { return }
        var x0 = Int(a.x.rounded()), y0 = Int(a.y.rounded())
        let x1 = Int(b.x.rounded()), y1 = Int(b.y.rounded())
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        // At most dotWidth + dotHeight steps: the endpoints are inside the grid.
        while true {
            setUnchecked(x0, y0, color)
            if x0 == x1 && y0 == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }

    /// A dot at real coordinates (rounded; ignored outside).
    public mutating func point(_ p: (x: Double, y: Double), color: Color) {
        guard p.x.isFinite, p.y.isFinite, p.x > -0.5, p.y > -0.5,
              p.x < Double(dotWidth) - 0.5, p.y < Double(dotHeight) - 0.5 else { return }
        setUnchecked(Int(p.x.rounded()), Int(p.y.rounded()), color)
    }

    /// A dashed horizontal line at dot row `py`: `on` dots drawn, `off` skipped.
    public mutating func dashedHorizontal(dotY py: Int, color: Color, on: Int = 2, off: Int = 2) {
        guard py >= 0, py < dotHeight else { return }
        let period = max(1, on + max(0, off))
        for px in 0..<dotWidth where px % period < on { setUnchecked(px, py, color) }
    }

    /// Paints every cell with dots into `buffer` with its top-left at (x, y); empty cells are left as
    /// they are. `style` is laid under the dot colour (e.g. a background).
    public func render(into buffer: inout Buffer, x: Int, y: Int, style: Style = .plain) {
        for cy in 0..<height {
            for cx in 0..<width {
                let i = cy * width + cx
                let b = bits[i]
                if b == 0 { continue }
                buffer.setGlyph(symbols.canvasSymbol(b), x: x + cx, y: y + cy, style: style.fg(colors[i]))
            }
        }
    }

    /// The dot bits of one cell (for tests).
    public func bits(cellX: Int, cellY: Int) -> UInt8 {
        guard cellX >= 0, cellY >= 0, cellX < width, cellY < height else { return 0 }
        return bits[cellY * width + cellX]
    }

    /// Liang–Barsky clipping of a segment to [0, maxX] × [0, maxY]; nil when it misses or is not finite.
    static func clip(_ p0: (x: Double, y: Double), _ p1: (x: Double, y: Double),
                     maxX: Double, maxY: Double) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard p0.x.isFinite, p0.y.isFinite, p1.x.isFinite, p1.y.isFinite else { return nil }
        let dx = p1.x - p0.x, dy = p1.y - p0.y
        var t0 = 0.0, t1 = 1.0
        let checks: [(Double, Double)] = [(-dx, p0.x), (dx, maxX - p0.x), (-dy, p0.y), (dy, maxY - p0.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    if r > t0 { t0 = r }
                } else {
                    if r < t0 { return nil }
                    if r < t1 { t1 = r }
                }
            }
        }
        return ((p0.x + t0 * dx, p0.y + t0 * dy), (p0.x + t1 * dx, p0.y + t1 * dy))
    }
}
