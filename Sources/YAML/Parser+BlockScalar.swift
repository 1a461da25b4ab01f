/// Literal (`|`) and folded (`>`) block scalars with chomping (`-`, `+`) and explicit
/// indentation (`|2`) indicators.
extension Parser {
    private enum Chomping { case strip, clip, keep }

    /// One line of a block scalar's body: empty, or its text after the content indentation.
    private enum Line {
        case empty
        case text(String, moreIndented: Bool)
    }

    /// Reads a block scalar at its indicator. `parentIndent` is the column of the enclosing
    /// collection (-1 at the top level); content must be indented more than it.
    mutating func scanBlockScalar(parentIndent: Int) throws(YAMLError) -> YAMLScalar {
        let start = mark
        let literal = peek() == "|"
        advance()
        var chomping = Chomping.clip
        var explicitIndent: Int?
        var sawChomping = false
        while let c = peek() {
            if (c == "+" || c == "-") && !sawChomping {
                chomping = c == "+" ? .keep : .strip
                sawChomping = true
            } else if let d = Self.decimalValue(c), explicitIndent == nil {
                guard d > 0 else { throw error("a block scalar's indentation indicator must be 1 to 9", at: mark) }
                explicitIndent = d
            } else {
                break
            }
            advance()
        }
        guard Self.isWhiteOrEnd(peek()) else {
            throw error("invalid block scalar header: expected '-', '+', an indentation digit 1-9, a comment or a line break", at: mark)
        }
        guard atLineEndAfterBlanks() else {
            throw error("invalid block scalar header: only a comment may follow the indicators on this line", at: mark)
        }
        skipComment()
        if atEnd {
            return YAMLScalar(value: "", style: literal ? .literal : .folded, kind: .string, mark: start)
        }
        advance()
        let indent = try contentIndent(parentIndent: parentIndent, explicit: explicitIndent)
        var lines: [Line] = []
        var lastBreak = true
        while !atEnd {
            let lineBegin = cursor
            var spaces = 0
            while peek() == " " { advance(); spaces += 1 }
            if atEnd || peek() == "\n" {
                if spaces > indent {
                    lines.append(.text(String(repeating: " ", count: spaces - indent), moreIndented: true))
                } else {
                    lines.append(.empty)
                }
                lastBreak = !atEnd
                advance()
                continue
            }
            if spaces < indent || (indent == 0 && atDocumentMarker) {
                cursor = lineBegin
                break
            }
            var body = String(repeating: " ", count: spaces - indent)
            while let c = peek(), c != "\n" {
                body.unicodeScalars.append(c)
                advance()
            }
            lines.append(.text(body, moreIndented: body.first == " " || body.first == "\t"))
            lastBreak = !atEnd
            advance()
        }
        let value = Self.compose(lines, literal: literal, chomping: chomping, lastBreak: lastBreak)
        return YAMLScalar(value: value, style: literal ? .literal : .folded, kind: .string, mark: start)
    }

    /// The content indentation: explicit, or that of the first non-empty line. Leading empty
    /// lines may not be indented more than that first line.
    private func contentIndent(parentIndent: Int, explicit: Int?) throws(YAMLError) -> Int {
        if let explicit { return parentIndent >= 0 ? parentIndent + explicit : explicit }
        let least = parentIndent + 1
        var i = pos
        var lineNumber = line
        var widestEmpty = 0
        var widestEmptyLine = line
        while i < text.count {
            var spaces = 0
            while i < text.count, text[i] == " " { i += 1; spaces += 1 }
            if i >= text.count || text[i] == "\n" {
                if spaces > widestEmpty { widestEmpty = spaces; widestEmptyLine = lineNumber }
                i += 1
                lineNumber += 1
                continue
            }
            if spaces < least { return least }
            if widestEmpty > spaces {
                throw YAMLError(file: file, mark: Mark(line: widestEmptyLine, column: 1),
                                message: "a leading empty line of a block scalar is indented more than its first text line")
            }
            return spaces
        }
        return max(least, widestEmpty)
    }

    private static func compose(_ lines: [Line], literal: Bool, chomping: Chomping, lastBreak: Bool) -> String {
        var lastText = -1
        for (i, line) in lines.enumerated() {
            if case .text = line { lastText = i }
        }
        var out = ""
        var empties = 0
        var previousNormal: Bool?
        for line in lines.prefix(lastText + 1) {
            switch line {
            case .empty:
                empties += 1
            case .text(let body, let moreIndented):
                if let previous = previousNormal {
                    if !literal && previous && !moreIndented {
                        out += empties == 0 ? " " : String(repeating: "\n", count: empties)
                    } else {
                        out += String(repeating: "\n", count: empties + 1)
                    }
                } else {
                    out += String(repeating: "\n", count: empties)
                }
                out += body
                empties = 0
                previousNormal = !moreIndented
            }
        }
        let trailing = lines.count - (lastText + 1)
        switch chomping {
        case .strip:
            break
        case .clip:
            if lastText >= 0 && (lastBreak || trailing > 0) { out += "\n" }
        case .keep:
            if lastText >= 0 {
                out += String(repeating: "\n", count: trailing + ((lastBreak || trailing > 0) ? 1 : 0))
            } else {
                out += String(repeating: "\n", count: trailing)
            }
        }
        return out
    }

    static func decimalValue(_ c: Unicode.Scalar) -> Int? {
        c.value >= 0x30 && c.value <= 0x39 ? Int(c.value - 0x30) : nil
    }
}
