/// Block context: indentation-structured mappings and sequences, and the dispatch to every
/// kind of node that may appear in them.
extension Parser {
    /// Reads the node at the reading position. `minIndent` is the least column (0-based) that
    /// continuation lines of this node may start at; `allowBlock` is false for a node that
    /// follows `key: ` on the same line, where a block mapping or sequence cannot start.
    mutating func parseBlockNode(minIndent: Int, allowBlock: Bool) throws(YAMLError) -> YAMLNode {
        try enter()
        defer { leave() }
        let startColumn = column
        if let colon = implicitKeyColon() {
            guard allowBlock else { throw error("mapping values are not allowed in this context", at: colon) }
            return try parseBlockMapping(column: startColumn)
        }
        let props = try parseProperties(flow: false)
        if !props.isEmpty, atLineEndAfterBlanks() {
            try skipToNextContent()
            if !atEnd && !atDocumentMarker && column >= minIndent {
                let content = try parseBlockNode(minIndent: minIndent, allowBlock: true)
                return try apply(props, to: content)
            }
            return try apply(props, to: emptyScalar(at: props.mark ?? mark))
        }
        let content = try parseBlockContent(minIndent: minIndent, allowBlock: allowBlock, hasProperties: !props.isEmpty)
        return try apply(props, to: content)
    }

    private mutating func parseBlockContent(minIndent: Int, allowBlock: Bool, hasProperties: Bool) throws(YAMLError) -> YAMLNode {
        let start = mark
        guard let c = peek() else { return emptyScalar(at: start) }
        switch c {
        case "-" where Self.isWhiteOrEnd(peek(1)):
            guard allowBlock, !hasProperties else {
                throw error("block sequence entries are not allowed in this context", at: start)
            }
            return try parseBlockSequence(column: column)
        case "?" where Self.isWhiteOrEnd(peek(1)):
            throw error("explicit mapping keys ('? ') are not supported; write the key as 'key: value'", at: start)
        case ":" where Self.isWhiteOrEnd(peek(1)):
            throw error("a mapping key is missing before ':'", at: start)
        case "|", ">":
            return .scalar(try scanBlockScalar(parentIndent: minIndent - 1))
        case "[", "{":
            return try parseFlowCollection()
        case "\"", "'":
            return .scalar(try scanQuoted())
        case "*":
            guard !hasProperties else { throw error("an alias cannot have an anchor or a tag", at: start) }
            return try parseAlias()
        default:
            try checkPlainStart(flow: false)
            let (scalar, stoppedAtColon) = try scanPlain(minIndent: minIndent, flow: false, multiLine: true)
            if stoppedAtColon {
                skipBlanks()
                throw error("mapping values are not allowed in this context (a key must fit on one line)", at: mark)
            }
            return .scalar(scalar)
        }
    }

    /// A plain scalar cannot start with an indicator character, except `-`, `?` and `:`
    /// directly followed by a non-space character.
    func checkPlainStart(flow: Bool) throws(YAMLError) {
        guard let c = peek() else { return }
        switch c {
        case "-", "?", ":":
            let next = peek(1)
            if Self.isWhiteOrEnd(next) || (flow && Self.isFlowIndicator(next)) {
                throw error("unexpected \(describe(c))", at: mark)
            }
        case ",", "[", "]", "{", "}":
            throw error("unexpected \(describe(c))", at: mark)
        case "#", "&", "!", "|", ">", "'", "\"", "%", "@", "`":
            throw error("a plain scalar cannot start with \(describe(c)); quote the value", at: mark)
        default:
            break
        }
    }

    private mutating func parseBlockMapping(column mappingColumn: Int) throws(YAMLError) -> YAMLNode {
        let start = mark
        var entries: [YAMLMapping.Entry] = []
        while true {
            if atSequenceIndicator {
                throw error("expected a mapping key, found a sequence entry ('- ')", at: mark)
            }
            guard implicitKeyColon() != nil else {
                throw error("expected a mapping key followed by ':'", at: mark)
            }
            let key = try parseImplicitKey()
            skipBlanks()
            guard peek() == ":" else { throw error("expected ':' after the mapping key", at: mark) }
            advance()
            let afterColon = mark
            let value: YAMLNode
            if atLineEndAfterBlanks() {
                try skipToNextContent()
                if !atEnd && !atDocumentMarker && column > mappingColumn {
                    value = try parseBlockNode(minIndent: mappingColumn + 1, allowBlock: true)
                } else if !atEnd && !atDocumentMarker && column == mappingColumn && atSequenceIndicator {
                    try enter()
                    value = try parseBlockSequence(column: mappingColumn)
                    leave()
                } else {
                    value = emptyScalar(at: afterColon)
                }
            } else {
                value = try parseBlockNode(minIndent: mappingColumn + 1, allowBlock: false)
            }
            try expectLineEnd(after: "the mapping value")
            entries.append(YAMLMapping.Entry(key: key, value: value))
            try skipToNextContent()
            if atEnd || atDocumentMarker || column < mappingColumn { break }
            if column > mappingColumn {
                throw error("bad indentation of a mapping entry: expected column \(mappingColumn + 1)", at: mark)
            }
        }
        return .mapping(try buildMapping(entries, mark: start))
    }

    private mutating func parseBlockSequence(column sequenceColumn: Int) throws(YAMLError) -> YAMLNode {
        let start = mark
        var items: [YAMLNode] = []
        while true {
            advance()
            let afterDash = mark
            if atLineEndAfterBlanks() {
                try skipToNextContent()
                if !atEnd && !atDocumentMarker && column > sequenceColumn {
                    items.append(try parseBlockNode(minIndent: sequenceColumn + 1, allowBlock: true))
                } else {
                    items.append(emptyScalar(at: afterDash))
                }
            } else {
                items.append(try parseBlockNode(minIndent: sequenceColumn + 1, allowBlock: true))
            }
            try expectLineEnd(after: "the sequence entry")
            try skipToNextContent()
            if atEnd || atDocumentMarker || column < sequenceColumn { break }
            if column > sequenceColumn {
                throw error("bad indentation of a sequence entry: expected column \(sequenceColumn + 1)", at: mark)
            }
            if !atSequenceIndicator { break }
        }
        return .sequence(YAMLSequence(items: items, mark: start))
    }

    /// A key on one line: optional properties, then a plain or quoted scalar, an alias or a flow
    /// collection. The caller has checked with `implicitKeyColon()` that a ':' follows.
    private mutating func parseImplicitKey() throws(YAMLError) -> YAMLNode {
        try enter()
        defer { leave() }
        let props = try parseProperties(flow: false)
        let start = mark
        let key: YAMLNode
        switch peek() {
        case "\"", "'":
            key = .scalar(try scanQuoted())
        case "[", "{":
            key = try parseFlowCollection()
        case "*":
            guard props.isEmpty else { throw error("an alias cannot have an anchor or a tag", at: start) }
            key = try parseAlias()
        default:
            try checkPlainStart(flow: false)
            key = .scalar(try scanPlain(minIndent: 0, flow: false, multiLine: false).scalar)
        }
        return try apply(props, to: key)
    }
}
