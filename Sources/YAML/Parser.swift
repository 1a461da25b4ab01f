/// The reader behind `YAML.load`: recursive descent over Unicode scalars that tracks line and
/// column, keeps the anchor table and enforces the depth and alias limits.
struct Parser {
    /// A saved reading position, for lookahead that may have to back off.
    struct Cursor {
        var pos: Int
        var line: Int
        var lineStart: Int
    }

    /// An anchored node and how many nodes it expands to, so alias use can be bounded cheaply.
    struct Anchor {
        var node: YAMLNode
        var size: Int
    }

    let file: String
    let text: [Unicode.Scalar]
    let limits: YAMLLimits
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    var anchors: [String: Anchor] = [:]
    /// Nodes produced so far, counting alias expansions at their full size.
    var producedNodes = 0
    /// Nodes produced by alias expansion only.
    var aliasNodes = 0

    init(file: String, text: [Unicode.Scalar], limits: YAMLLimits) {
        self.file = file
        self.text = text
        self.limits = limits
    }

    // MARK: Position

    var mark: Mark { Mark(line: line, column: pos - lineStart + 1) }
    /// 0-based column of the reading position.
    var column: Int { pos - lineStart }
    var atEnd: Bool { pos >= text.count }

    var cursor: Cursor {
        get { Cursor(pos: pos, line: line, lineStart: lineStart) }
        set { pos = newValue.pos; line = newValue.line; lineStart = newValue.lineStart }
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = pos + offset
        return i < text.count ? text[i] : nil
    }

    func mark(at index: Int) -> Mark { Mark(line: line, column: index - lineStart + 1) }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where pos < text.count {
            if text[pos] == "\n" {
                line += 1
                lineStart = pos + 1
            }
            pos += 1
        }
    }

    // MARK: Character classes

    static func isBlank(_ c: Unicode.Scalar?) -> Bool { c == " " || c == "\t" }
    static func isWhiteOrEnd(_ c: Unicode.Scalar?) -> Bool { c == nil || c == " " || c == "\t" || c == "\n" }
    static func isFlowIndicator(_ c: Unicode.Scalar?) -> Bool {
        c == "," || c == "[" || c == "]" || c == "{" || c == "}"
    }

    /// `-` followed by white space: a block sequence entry.
    var atSequenceIndicator: Bool { peek() == "-" && Self.isWhiteOrEnd(peek(1)) }

    /// `---` or `...` at the start of a line, followed by white space or the end.
    var atDocumentMarker: Bool {
        guard column == 0, let c = peek(), c == "-" || c == "." else { return false }
        return peek(1) == c && peek(2) == c && Self.isWhiteOrEnd(peek(3))
    }

    var atDocumentStart: Bool { atDocumentMarker && peek() == "-" }
    var atDocumentEnd: Bool { atDocumentMarker && peek() == "." }

    /// True when only blanks lie between the start of the line and the reading position.
    var atLineContentStart: Bool {
        var i = lineStart
        while i < pos {
            if !Self.isBlank(text[i]) { return false }
            i += 1
        }
        return true
    }

    /// A `#` starts a comment at the start of a line or after a blank.
    var atComment: Bool {
        peek() == "#" && (pos == lineStart || Self.isBlank(text[pos - 1]) || text[pos - 1] == "\n")
    }

    // MARK: Skipping

    mutating func skipBlanks() {
        while Self.isBlank(peek()) { advance() }
    }

    mutating func skipComment() {
        if atComment {
            while let c = peek(), c != "\n" { advance() }
        }
    }

    /// At the end of a line's content: a line break, a comment or the end of input follows.
    mutating func atLineEndAfterBlanks() -> Bool {
        skipBlanks()
        return atEnd || peek() == "\n" || atComment
    }

    /// Skips blanks, comments and line breaks in block context. Content that starts a line must
    /// be indented with spaces only.
    mutating func skipToNextContent() throws(YAMLError) {
        while true {
            skipBlanks()
            skipComment()
            if peek() == "\n" {
                advance()
                continue
            }
            break
        }
        if !atEnd && atLineContentStart {
            var i = lineStart
            while i < pos {
                if text[i] == "\t" {
                    throw error("tab character used for indentation; YAML allows only spaces", at: mark(at: i))
                }
                i += 1
            }
        }
    }

    /// After a node that ended mid-line, only blanks and a comment may follow on that line.
    mutating func expectLineEnd(after what: String) throws(YAMLError) {
        if atLineContentStart { return }
        skipBlanks()
        skipComment()
        guard atEnd || peek() == "\n" else {
            if peek() == ":" {
                throw error("mapping values are not allowed in this context", at: mark)
            }
            throw error("unexpected \(describe(peek())) after \(what); expected the end of the line", at: mark)
        }
    }

    // MARK: Errors and limits

    func error(_ message: String, at mark: Mark) -> YAMLError {
        YAMLError(file: file, mark: mark, message: message)
    }

    func describe(_ c: Unicode.Scalar?) -> String {
        guard let c else { return "end of input" }
        switch c {
        case "\n": return "line break"
        case "\t": return "tab"
        default: return "'\(Character(c))'"
        }
    }

    mutating func enter() throws(YAMLError) {
        depth += 1
        producedNodes += 1
        if depth > limits.maxDepth {
            throw error("nesting is deeper than the limit of \(limits.maxDepth) levels", at: mark)
        }
    }

    mutating func leave() { depth -= 1 }

    func emptyScalar(at mark: Mark) -> YAMLNode {
        .scalar(YAMLScalar(value: "", style: .plain, kind: .null, mark: mark))
    }
}
