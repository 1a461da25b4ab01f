/// A rectangle of cells: origin (column, row) and size. Widths and heights are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var left: Int { x }
    public var top: Int { y }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var area: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// The overlap of two rectangles (empty, at this origin clamped, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let l = max(x, other.x), t = max(y, other.y)
        let r = min(right, other.right), b = min(bottom, other.bottom)
        return Rect(x: l, y: t, width: r - l, height: b - t)
    }

    /// Shrunk by `margin` on every side (never below zero size).
    public func inset(_ margin: Int) -> Rect { inset(horizontal: margin, vertical: margin) }

    public func inset(horizontal h: Int, vertical v: Int) -> Rect {
        let w = max(0, width - 2 * h), hh = max(0, height - 2 * v)
        return Rect(x: x + min(h, width / 2), y: y + min(v, height / 2), width: w, height: hh)
    }

    /// The top `n` rows (clamped) and the rest below.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: k), Rect(x: x, y: y + k, width: width, height: height - k))
    }

    /// The bottom `n` rows (clamped) and the rest above: (rest, bottom).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - k), Rect(x: x, y: bottom - k, width: width, height: k))
    }

    /// The left `n` columns (clamped) and the rest to the right.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), width)
        return (Rect(x: x, y: y, width: k, height: height), Rect(x: x + k, y: y, width: width - k, height: height))
    }

    /// Splits into columns whose widths follow `weights` (each at least `minimum` where room allows);
    /// the whole width is used, rounding spread from the left.
    public func columns(weights: [Double], gap: Int = 0) -> [Rect] {
        Layout.split(length: width, weights: weights, gap: gap).map {
            Rect(x: x + $0.offset, y: y, width: $0.length, height: height)
        }
    }

    /// Splits into rows whose heights follow `weights`.
    public func rows(weights: [Double], gap: Int = 0) -> [Rect] {
        Layout.split(length: height, weights: weights, gap: gap).map {
            Rect(x: x, y: y + $0.offset, width: width, height: $0.length)
        }
    }
}
