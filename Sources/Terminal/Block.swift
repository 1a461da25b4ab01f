/// A panel frame: border, title (left) and an optional right-hand title, drawn in the focused style
/// when the panel has focus. Content goes in `inner(area)`; the block itself leaves the inside alone
/// apart from laying its `style` (e.g. a background) over it.
public struct Block: Widget, Sendable {
    public var title: String?
    public var rightTitle: String?
    public var borders: Bool
    public var lines: LineSet
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var focused: Bool
    public var focusedBorderStyle: Style
    public var focusedTitleStyle: Style

    public init(title: String? = nil, rightTitle: String? = nil, borders: Bool = true, lines: LineSet = .rounded,
                style: Style = .plain, borderStyle: Style = .plain, titleStyle: Style = Style(add: .bold),
                focused: Bool = false, focusedBorderStyle: Style = Style(fg: .cyan),
                focusedTitleStyle: Style = Style(fg: .cyan, add: .bold)) {
        self.title = title
        self.rightTitle = rightTitle
        self.borders = borders
        self.lines = lines
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.focused = focused
        self.focusedBorderStyle = focusedBorderStyle
        self.focusedTitleStyle = focusedTitleStyle
    }

    /// The area left for content: inside the border, or below the title row when there is no border.
    public func inner(_ area: Rect) -> Rect {
        if borders { return area.inset(1) }
        if title != nil || rightTitle != nil { return area.splitTop(1).1 }
        return area
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        buffer.setStyle(area, style)
        let border = style.patched(focused ? borderStyle.patched(focusedBorderStyle) : borderStyle)
        let titleLook = style.patched(focused ? titleStyle.patched(focusedTitleStyle) : titleStyle)
        if borders {
            drawBorder(area, border, &buffer)
        }
        drawTitles(area, titleLook, &buffer)
    }

    private func drawBorder(_ area: Rect, _ s: Style, _ buffer: inout Buffer) {
        let l = area.left, r = area.right - 1, t = area.top, b = area.bottom - 1
        if area.height == 1 {
            for x in l...r { buffer.setGlyph(lines.horizontal, x: x, y: t, style: s) }
            return
        }
        if area.width == 1 {
            for y in t...b { buffer.setGlyph(lines.vertical, x: l, y: y, style: s) }
            return
        }
        for x in (l + 1)..<r {
            buffer.setGlyph(lines.horizontal, x: x, y: t, style: s)
            buffer.setGlyph(lines.horizontal, x: x, y: b, style: s)
        }
        for y in (t + 1)..<b {
            buffer.setGlyph(lines.vertical, x: l, y: y, style: s)
            buffer.setGlyph(lines.vertical, x: r, y: y, style: s)
        }
        buffer.setGlyph(lines.topLeft, x: l, y: t, style: s)
        buffer.setGlyph(lines.topRight, x: r, y: t, style: s)
        buffer.setGlyph(lines.bottomLeft, x: l, y: b, style: s)
        buffer.setGlyph(lines.bottomRight, x: r, y: b, style: s)
    }

    /// Titles sit on the top row: " title " from the second column, the right title ending one column
    /// before the corner; the left title is cut first when both do not fit.
    private func drawTitles(_ area: Rect, _ s: Style, _ buffer: inout Buffer) {
        let inset = borders ? 1 : 0
        let room = area.width - 2 * inset
        guard room > 0 else { return }
        let left = title.map { TerminalText.sanitize($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let right = rightTitle.map { TerminalText.sanitize($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let pad = borders ? " " : ""
        var rightWidth = 0
        if let right {
            let text = TerminalText.truncate(pad + right + pad, toWidth: left == nil ? room : max(0, room / 2))
            rightWidth = TerminalText.width(text)
            buffer.setString(text, x: area.right - inset - rightWidth, y: area.top, style: s, clip: area)
        }
        if let left {
            let avail = room - (rightWidth > 0 ? rightWidth + 1 : 0)
            let text = TerminalText.truncate(pad + left + pad, toWidth: avail)
            buffer.setString(text, x: area.left + inset, y: area.top, style: s, clip: area)
        }
    }
}
