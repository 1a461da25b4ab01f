/// A change to apply to cells: colours to set (nil leaves the cell's colour) and attributes to add or
/// remove. Styles patch each other, so a widget's base style and a highlight combine.
public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var add: Attributes
    public var remove: Attributes

    public init(fg: Color? = nil, bg: Color? = nil, add: Attributes = [], remove: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.add = add
        self.remove = remove
    }

    public static let plain = Style()

    /// `other` laid over this style: its colours win where set, its attributes are added/removed.
    public func patched(_ other: Style) -> Style {
        var s = self
        if let fg = other.fg { s.fg = fg }
        if let bg = other.bg { s.bg = bg }
        s.add = s.add.subtracting(other.remove).union(other.add)
        s.remove = s.remove.subtracting(other.add).union(other.remove)
        return s
    }

    public func fg(_ c: Color) -> Style { var s = self; s.fg = c; return s }
    public func bg(_ c: Color) -> Style { var s = self; s.bg = c; return s }
    public func adding(_ a: Attributes) -> Style { var s = self; s.add.formUnion(a); s.remove.subtract(a); return s }

    /// The style with every colour folded to `level`; in monochrome only attributes remain.
    public func folded(to level: ColorLevel) -> Style {
        Style(fg: fg?.folded(to: level), bg: bg?.folded(to: level), add: add, remove: remove)
    }
}
