/// Plain (unquoted) scalars: where they stop, and how their lines fold into one value.
extension Parser {
    /// Reads a plain scalar. Continuation lines must start at column `minIndent` or later.
    /// Returns whether it stopped at a `: ` (so the caller can tell a key from a misplaced colon).
    mutating func scanPlain(minIndent: Int, flow: Bool, multiLine: Bool) throws(YAMLError) -> (scalar: YAMLScalar, stoppedAtColon: Bool) {
        let start = mark
        var value = ""
        var pendingFold = ""
        var end = cursor
        var stoppedAtColon = false
        while true {
            var pendingBlanks = ""
            var stopped = false
            while let c = peek(), c != "\n" {
                if c == ":" && (Self.isWhiteOrEnd(peek(1)) || (flow && Self.isFlowIndicator(peek(1)))) {
                    stoppedAtColon = true
                    stopped = true
                    break
                }
                if flow && Self.isFlowIndicator(c) { stopped = true; break }
                if c == "#" && pos > 0 && Self.isBlank(text[pos - 1]) { stopped = true; break }
                if Self.isBlank(c) {
                    pendingBlanks.unicodeScalars.append(c)
                } else {
                    value += pendingFold
                    value += pendingBlanks
                    pendingFold = ""
                    pendingBlanks = ""
                    value.unicodeScalars.append(c)
                }
                advance()
                if !Self.isBlank(c) { end = cursor }
            }
            if stopped || !multiLine || atEnd { break }
            // At a line break: look for a continuation line.
            let lineEnd = cursor
            var breaks = 0
            while peek() == "\n" {
                advance()
                breaks += 1
                while Self.isBlank(peek()) { advance() }
            }
            let continues = !atEnd && column >= minIndent && !atComment && !atDocumentMarker
                && (flow || !lineIndentHasTab) && !(flow && Self.isFlowIndicator(peek()))
            if !continues {
                cursor = lineEnd
                break
            }
            pendingFold = breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
        }
        cursor = end
        return (YAMLScalar(value: value, style: .plain, mark: start), stoppedAtColon)
    }

    private var lineIndentHasTab: Bool {
        text[lineStart..<pos].contains("\t")
    }
}
