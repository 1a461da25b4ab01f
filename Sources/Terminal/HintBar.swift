/// Key hints such as `q Quit  / Filter  ? Help`: keys highlighted, hints that do not fit whole are left
/// out rather than cut.
public struct HintBar: Widget, Sendable {
    public struct Hint: Hashable, Sendable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    public var hints: [Hint]
    public var style: Style
    public var keyStyle: Style
    public var separator: String

    public init(hints: [Hint], style: Style = .plain, keyStyle: Style = Style(add: [.bold, .reverse]), separator: String = "  ") {
        self.hints = hints
        self.style = style
        self.keyStyle = keyStyle
        self.separator = separator
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: Rect(x: area.x, y: area.y, width: area.width, height: 1), buffer: &buffer)
        var x = area.x
        let sepWidth = TerminalText.width(separator)
        for (i, hint) in hints.enumerated() {
            let key = TerminalText.sanitize(hint.key), label = TerminalText.sanitize(hint.label)
            let w = TerminalText.width(key) + 1 + TerminalText.width(label) + (i > 0 ? sepWidth : 0)
            if x + w > area.right { break }
            if i > 0 { x = buffer.setString(separator, x: x, y: area.y, style: style, clip: area) }
            x = buffer.setString(key, x: x, y: area.y, style: style.patched(keyStyle), clip: area)
            x = buffer.setString(" " + label, x: x, y: area.y, style: style, clip: area)
        }
    }
}
