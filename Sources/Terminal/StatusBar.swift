/// The one-line bar at the top or bottom: spans on the left, spans on the right; the left part is
/// cut (with `…`) to leave room for the right part.
public struct StatusBar: Widget, Sendable {
    public var left: [Span]
    public var right: [Span]
    public var style: Style

    public init(left: [Span], right: [Span] = [], style: Style = Style(add: .reverse)) {
        self.left = left
        self.right = right
        self.style = style
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: Rect(x: area.x, y: area.y, width: area.width, height: 1), buffer: &buffer)
        let rightLine = Line(right.map { Span(TerminalText.sanitize($0.text), style: $0.style) })
        let rightWidth = Swift.min(rightLine.width, area.width)
        if rightWidth > 0 {
            rightLine.render(x: area.right - rightWidth, y: area.y, width: rightWidth, base: style, alignment: .left, buffer: &buffer)
        }
        let room = area.width - (rightWidth > 0 ? rightWidth + 1 : 0)
        guard room > 0 else { return }
        let clean = left.map { Span(TerminalText.sanitize($0.text), style: $0.style) }
        var spans: [Span] = []
        if Line(clean).width <= room {
            spans = clean
        } else {
            // Keep what fits in room - 1 columns and end with `…` in the style of the span it cuts.
            var used = 0
            for s in clean {
                let w = s.width
                if used + w <= room - 1 {
                    spans.append(s)
                    used += w
                    continue
                }
                spans.append(Span(TerminalText.truncate(s.text, toWidth: room - used, ellipsis: "…"), style: s.style))
                break
            }
        }
        Line(spans).render(x: area.x, y: area.y, width: room, base: style, alignment: .left, buffer: &buffer)
    }
}
