/// Resets every cell of an area to a space in a style: for popups drawn over other widgets.
public struct Clear: Widget, Sendable {
    public var style: Style
    public init(style: Style = .plain) { self.style = style }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        var blank = Cell(" ")
        blank.apply(style)
        buffer.clear(a, to: blank)
    }
}
