/// A run of text in one style; lines of spans make up paragraphs, lists and status bars.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public var width: Int { TerminalText.width(text) }
}

/// One line of styled spans with an optional alignment of its own.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public var alignment: Alignment?

    public init(_ spans: [Span], alignment: Alignment? = nil) {
        self.spans = spans
        self.alignment = alignment
    }

    public init(_ text: String, style: Style = .plain, alignment: Alignment? = nil) {
        self.init([Span(text, style: style)], alignment: alignment)
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// Writes the line from (x, y) within `width` columns (aligned, clipped), `base` under each span.
    @discardableResult
    public func render(x: Int, y: Int, width: Int, base: Style, alignment fallback: Alignment,
                       buffer: inout Buffer) -> Int {
        guard width > 0 else { return x }
        let w = self.width
        let room = max(0, width - w)
        var col = x
        switch alignment ?? fallback {
        case .left: break
        case .right: col += room
        case .center: col += room / 2
        }
        let clip = Rect(x: x, y: y, width: width, height: 1)
        for span in spans {
            col = buffer.setString(span.text, x: col, y: y, style: base.patched(span.style), clip: clip)
            if col >= clip.right { break }
        }
        return col
    }
}
