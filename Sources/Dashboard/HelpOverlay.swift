import Terminal

/// The `?` overlay: every binding of the key table, grouped by context, in a box over the screen.
public struct HelpOverlay: Widget {
    public var palette: Palette
    public var lines: LineSet

    public init(palette: Palette, lines: LineSet) {
        self.palette = palette
        self.lines = lines
    }

    /// The overlay's text lines, generated from `KeyTable.bindings`.
    public static func textLines() -> [(text: String, isHeader: Bool)] {
        var out: [(String, Bool)] = []
        let labelWidth = KeyTable.bindings.map { TerminalText.width($0.label) }.max() ?? 0
        for context in KeyContext.allCases {
            let bindings = KeyTable.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(("", false)) }
            out.append((context.rawValue, true))
            for b in bindings {
                out.append(("  " + TerminalText.fit(b.label, width: labelWidth) + "  " + b.description, false))
            }
        }
        return out
    }

    public func render(area: Rect, buffer: inout Buffer) {
        let text = HelpOverlay.textLines()
        let contentWidth = text.map { TerminalText.width($0.text) }.max() ?? 0
        let width = min(area.width, contentWidth + 4)
        let height = min(area.height, text.count + 2)
        guard width >= 3, height >= 3 else { return }
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        Clear(style: palette.base).render(area: box, buffer: &buffer)
        let block = Block(title: "Keys", rightTitle: "any key closes", lines: lines, style: palette.base,
                          borderStyle: palette.borderFocused, titleStyle: palette.titleFocused)
        block.render(area: box, buffer: &buffer)
        let inner = block.inner(box).inset(horizontal: 1, vertical: 0)
        let room = inner.height
        let shown = text.count > room ? Array(text.prefix(max(0, room - 1))) + [("…", false)] : text
        for (i, line) in shown.enumerated() {
            buffer.setString(line.text, x: inner.x, y: inner.y + i, width: inner.width, alignment: .left,
                             style: line.isHeader ? palette.base.patched(palette.header) : palette.base)
        }
    }
}
