/// The stream level: directives, `---` and `...` markers, and one root node per document.
extension Parser {
    mutating func parseStream() throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        if peek() == "\u{FEFF}" { advance() }
        while true {
            try skipToNextContent()
            if atEnd { break }
            var directiveMark: Mark?
            while column == 0 && peek() == "%" {
                directiveMark = directiveMark ?? mark
                try parseDirective()
                try skipToNextContent()
            }
            if atDocumentEnd && directiveMark == nil {
                advance(3)
                try expectLineEnd(after: "'...'")
                continue
            }
            let start = mark
            let explicit = atDocumentStart
            if let directiveMark, !explicit {
                throw error("directives must be followed by a '---' document start", at: atEnd ? directiveMark : mark)
            }
            let root: YAMLNode
            if explicit {
                advance(3)
                if atLineEndAfterBlanks() {
                    root = try parseRootOnFollowingLines(emptyAt: start)
                } else {
                    root = try parseBlockNode(minIndent: 0, allowBlock: false)
                }
            } else {
                root = try parseRootOnFollowingLines(emptyAt: start)
            }
            documents.append(root)
            try expectLineEnd(after: "the document's root node")
            try skipToNextContent()
            if atEnd { break }
            if atDocumentEnd {
                advance(3)
                try expectLineEnd(after: "'...'")
                continue
            }
            if atDocumentStart { continue }
            throw error(unexpectedContentMessage(), at: mark)
        }
        return documents
    }

    private mutating func parseRootOnFollowingLines(emptyAt start: Mark) throws(YAMLError) -> YAMLNode {
        try skipToNextContent()
        if atEnd || atDocumentMarker { return emptyScalar(at: start) }
        return try parseBlockNode(minIndent: 0, allowBlock: true)
    }

    private func unexpectedContentMessage() -> String {
        if column > 0 { return "bad indentation: this line is indented more than the node before it allows" }
        if atSequenceIndicator { return "a sequence entry cannot follow a mapping at the same indentation" }
        return "unexpected content after the document's root node"
    }

    /// `%YAML 1.x` is accepted and ignored; `%TAG` is refused because only core tags are supported;
    /// other (reserved) directives are ignored as the specification asks.
    private mutating func parseDirective() throws(YAMLError) {
        let start = mark
        advance()
        var name = ""
        while let c = peek(), !Self.isWhiteOrEnd(c) { name.unicodeScalars.append(c); advance() }
        skipBlanks()
        var argument = ""
        while let c = peek(), c != "\n", !atComment { argument.unicodeScalars.append(c); advance() }
        argument = String(argument.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        switch name {
        case "YAML":
            guard argument.hasPrefix("1.") else {
                throw error("unsupported YAML version '\(argument)'; expected 1.x", at: start)
            }
        case "TAG":
            throw error("%TAG directives are not supported; only the core schema tags (!!str, !!int, ...) are accepted", at: start)
        default:
            break
        }
        skipComment()
    }
}
