/// A vertical list of lines with one selectable item, scrolled to keep the selection visible.
public struct List: Widget, Sendable {
    public var items: [Line]
    public var selected: Int?
    public var offset: Int
    public var style: Style
    public var selectedStyle: Style
    public var highlightSymbol: String

    public init(items: [Line], selected: Int? = nil, offset: Int = 0, style: Style = .plain,
                selectedStyle: Style = Style(add: .reverse), highlightSymbol: String = "▶") {
        self.items = items
        self.selected = selected
        self.offset = offset
        self.style = style
        self.selectedStyle = selectedStyle
        self.highlightSymbol = highlightSymbol
    }

    /// Plain strings (sanitized) as items.
    public init(strings: [String], selected: Int? = nil, style: Style = .plain, selectedStyle: Style = Style(add: .reverse),
                highlightSymbol: String = "▶") {
        self.init(items: strings.map { Line(TerminalText.sanitize($0)) }, selected: selected, style: style,
                  selectedStyle: selectedStyle, highlightSymbol: highlightSymbol)
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        let markWidth = selected != nil ? TerminalText.width(highlightSymbol) + 1 : 0
        let first = Table.scrollOffset(selected: selected, offset: offset, rowCount: items.count, visible: area.height)
        for i in first..<Swift.min(items.count, first + area.height) {
            let y = area.y + i - first
            var look = style
            if i == selected {
                look = style.patched(selectedStyle)
                buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), look)
                buffer.setString(highlightSymbol, x: area.x, y: y, style: look, clip: area)
            }
            items[i].render(x: area.x + markWidth, y: y, width: area.width - markWidth, base: look, alignment: .left, buffer: &buffer)
        }
    }
}
