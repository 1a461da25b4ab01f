/// Multi-line text with optional word wrapping, alignment and vertical scrolling.
public struct Paragraph: Widget, Sendable {
    public var lines: [Line]
    public var style: Style
    public var alignment: Alignment
    public var wrap: Bool
    /// Lines (after wrapping) skipped at the top.
    public var scroll: Int

    public init(lines: [Line], style: Style = .plain, alignment: Alignment = .left, wrap: Bool = true, scroll: Int = 0) {
        self.lines = lines
        self.style = style
        self.alignment = alignment
        self.wrap = wrap
        self.scroll = scroll
    }

    /// Plain text split at newlines; the text is sanitized (it may come from the network).
    public init(text: String, style: Style = .plain, alignment: Alignment = .left, wrap: Bool = true, scroll: Int = 0) {
        let clean = TerminalText.sanitize(text, keepNewlines: true)
        self.init(lines: clean.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) },
                  style: style, alignment: alignment, wrap: wrap, scroll: scroll)
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let a = area.intersection(buffer.area)
        guard !a.isEmpty else { return }
        Clear(style: style).render(area: a, buffer: &buffer)
        var rows: [Line] = []
        let budget = scroll + area.height
        for line in lines {
            if rows.count >= budget { break }
            if wrap { rows += Paragraph.wrap(line, width: area.width) } else { rows.append(line) }
        }
        for (i, line) in rows.dropFirst(max(0, scroll)).prefix(area.height).enumerated() {
            line.render(x: area.x, y: area.y + i, width: area.width, base: style, alignment: alignment, buffer: &buffer)
        }
    }

    /// Word-wraps a line to `width`: breaks at the last space that fits, words longer than the width
    /// are broken between characters, and the space at a break is dropped.
    public static func wrap(_ line: Line, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        struct Glyph { var text: String; var width: Int; var style: Style }
        var glyphs: [Glyph] = []
        for span in line.spans {
            TerminalText.forEachGlyph(span.text) { g, w in
                glyphs.append(Glyph(text: g, width: w, style: span.style))
                return true
            }
        }
        var rows: [[Glyph]] = []
        var current: [Glyph] = []
        var currentWidth = 0
        var lastSpace: Int?
        for g in glyphs {
            if currentWidth + g.width > width && !current.isEmpty {
                if g.text == " " {
                    rows.append(current)
                    current = []
                    currentWidth = 0
                    lastSpace = nil
                    continue
                }
                if let s = lastSpace {
                    rows.append(Array(current[..<s]))
                    current = Array(current[(s + 1)...])
                    currentWidth = current.reduce(0) { $0 + $1.width }
                } else {
                    rows.append(current)
                    current = []
                    currentWidth = 0
                }
                if currentWidth + g.width > width && !current.isEmpty {
                    rows.append(current)
                    current = []
                    currentWidth = 0
                }
                lastSpace = nil
            }
            if g.text == " " { lastSpace = current.count }
            current.append(g)
            currentWidth += g.width
        }
        rows.append(current)
        return rows.map { row in
            var spans: [Span] = []
            for g in row {
                if let last = spans.last, last.style == g.style {
                    spans[spans.count - 1].text += g.text
                } else {
                    spans.append(Span(g.text, style: g.style))
                }
            }
            return Line(spans, alignment: line.alignment)
        }
    }
}
