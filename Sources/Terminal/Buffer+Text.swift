/// Snapshot text of a buffer: plain lines for tests and SGR-coloured lines for previews.
extension Buffer {
    /// The buffer as lines of text, trailing spaces trimmed.
    public func plainText() -> String {
        var lines: [String] = []
        let w = area.width
        for row in 0..<area.height {
            var line = ""
            for i in row * w..<(row + 1) * w where cells[i].width != 0 {
                line += cells[i].symbol
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The buffer as lines with SGR sequences only: the style is re-emitted only when it changes,
    /// and reset at the end of a line that ends styled. Trailing unstyled spaces are trimmed.
    public func ansiText() -> String {
        var lines: [String] = []
        let w = area.width
        for row in 0..<area.height {
            var end = (row + 1) * w
            while end > row * w {
                let c = cells[end - 1]
                if (c.glyph.isSpace || c.width == 0) && c.sameLook(.blank) { end -= 1 } else { break }
            }
            var line = ""
            var current = Cell.blank
            for i in row * w..<end where cells[i].width != 0 {
                let c = cells[i]
                if !c.sameLook(current) {
                    line += Buffer.sgr(c)
                    current = c
                }
                line += c.symbol
            }
            if !current.sameLook(.blank) { line += "\u{1B}[0m" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One SGR sequence setting exactly the look of `c` (starting from a reset).
    static func sgr(_ c: Cell) -> String {
        var params = ["0"]
        for (attr, code) in Attributes.sgrCodes where c.attributes.contains(attr) { params.append(code) }
        if let p = sgrColor(c.fg, foreground: true) { params.append(p) }
        if let p = sgrColor(c.bg, foreground: false) { params.append(p) }
        return "\u{1B}[" + params.joined(separator: ";") + "m"
    }

    static func sgrColor(_ color: Color, foreground: Bool) -> String? {
        switch color {
        case .default: return nil
        case .ansi(let i):
            let n = Int(i & 15)
            let base = foreground ? (n < 8 ? 30 : 82) : (n < 8 ? 40 : 92)
            return String(base + n)
        case .indexed(let i): return (foreground ? "38;5;" : "48;5;") + String(i)
        case .rgb(let r, let g, let b): return (foreground ? "38;2;" : "48;2;") + "\(r);\(g);\(b)"
        }
    }
}
