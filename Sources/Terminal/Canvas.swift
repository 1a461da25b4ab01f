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
    /// Dots per cell are powers of two (2×4, 2×2, 1×2): a dot's cell is a shift away.
    private let shiftX: Int
    private let shiftY: Int
    /// The bit of each dot inside its cell, eight bits per dot, dot `(row << shiftX) | column` at
    /// bit 8 × that (at most 8 dots a cell).
    private let dotBits: UInt64

    public init(width: Int, height: Int, symbols: SymbolSet) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.symbols = symbols
        (dotsX, dotsY) = symbols.dotsPerCell
        shiftX = dotsX.trailingZeroBitCount
        shiftY = dotsY.trailingZeroBitCount
        var table: UInt64 = 0
        for row in 0..<dotsY {
            for column in 0..<dotsX {
                table |= UInt64(symbols.dotBit(column: column, row: row)) << (8 * UInt64(row * dotsX + column))
            }
        }
        dotBits = table
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
        let i = (py &>> shiftY) * width + (px &>> shiftX)
        bits[i] |= Canvas.bit(dotBits, ((py & (dotsY - 1)) &<< shiftX) | (px & (dotsX - 1)))
        colors[i] = color
    }

    /// A straight line between two dot positions (any real coordinates; clipped to the grid first).
    public mutating func line(from p0: (x: Double, y: Double), to p1: (x: Double, y: Double), color: Color) {
        guard dotWidth > 0, dotHeight > 0 else { return }
        guard let (a, b) = Canvas.clip(p0, p1, maxX: Double(dotWidth - 1), maxY: Double(dotHeight - 1)) else { return }
        // Clipping leaves the ends inside the grid up to rounding error, which absurd inputs can make
        // large: clamped, so every dot of the line (inside the ends' bounding box) is in range.
        let maxDotX = dotWidth - 1, maxDotY = dotHeight - 1
        var x0 = Canvas.dot(a.x, maxDotX), y0 = Canvas.dot(a.y, maxDotY)
        let x1 = Canvas.dot(b.x, maxDotX), y1 = Canvas.dot(b.y, maxDotY)
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        let (w, shiftX, shiftY, maskX, maskY, table) = (width, shiftX, shiftY, dotsX - 1, dotsY - 1, dotBits)
        // At most dotWidth + dotHeight steps between two dots of the grid: every index is in range,
        // so the loop runs on the raw buffers.
        bits.withUnsafeMutableBufferPointer { bitsBuffer in
            colors.withUnsafeMutableBufferPointer { colorsBuffer in
                guard let bits = bitsBuffer.baseAddress, let colors = colorsBuffer.baseAddress else { return }
                while true {
                    let i = (y0 &>> shiftY) &* w &+ (x0 &>> shiftX)
                    bits[i] |= Canvas.bit(table, ((y0 & maskY) &<< shiftX) | (x0 & maskX))
                    colors[i] = color
                    if x0 == x1 && y0 == y1 { break }
                    let e2 = 2 &* err
                    if e2 >= dy { err &+= dy; x0 &+= sx }
                    if e2 <= dx { err &+= dx; y0 &+= sy }
                }
            }
        }
    }

    /// The bit of dot `k` of a cell in a packed table.
    @inline(__always) static func bit(_ table: UInt64, _ k: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: table &>> UInt64(8 &* k))
    }

    /// `v` rounded to a dot index in 0...maxDot (0 when not finite).
    static func dot(_ v: Double, _ maxDot: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Int(Swift.min(Swift.max(v, 0), Double(maxDot)).rounded())
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
        // The four edges in turn (no array: this runs once per line segment).
        for edge in 0..<4 {
            let p: Double, q: Double
            switch edge {
            case 0: (p, q) = (-dx, p0.x)
            case 1: (p, q) = (dx, maxX - p0.x)
            case 2: (p, q) = (-dy, p0.y)
            default: (p, q) = (dy, maxY - p0.y)
            }
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
