/// Resets every cell of an area to a space in a style: for popups drawn over other widgets.
public struct Clear: Widget, Sendable {
    public var style: Style
    public init(style: Style = .plain) { self.style = style }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        for y in a.top..<a.bottom {
            for x in a.left..<a.right {
                buffer.set(x: x, y: y, cell: Cell(" "))
            }
        }
        buffer.setStyle(a, style)
    }
}
