/// A row of tab titles with the selected one highlighted; scrolls so the selected tab is visible.
public struct Tabs: Widget, Sendable {
    public var titles: [String]
    public var selected: Int
    public var style: Style
    public var selectedStyle: Style
    public var divider: String

    public init(titles: [String], selected: Int = 0, style: Style = .plain,
                selectedStyle: Style = Style(add: [.bold, .reverse]), divider: String = "│") {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.divider = divider
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let labels = titles.map { " " + TerminalText.sanitize($0) + " " }
        guard !labels.isEmpty else { return }
        let widths = labels.map(TerminalText.width)
        let dividerWidth = TerminalText.width(divider)
        let sel = Swift.min(Swift.max(0, selected), labels.count - 1)
        // First tab such that tabs first...sel fit.
        var first = sel
        var used = widths[sel]
        while first > 0 && used + dividerWidth + widths[first - 1] <= area.width {
            first -= 1
            used += dividerWidth + widths[first]
        }
        var x = area.x
        for i in first..<labels.count {
            if x >= area.right { break }
            if i > first {
                x = buffer.setString(divider, x: x, y: area.y, style: style, clip: area)
            }
            x = buffer.setString(labels[i], x: x, y: area.y, style: i == sel ? style.patched(selectedStyle) : style, clip: area)
        }
    }
}
