/// Flow context: `[a, b]` and `{a: b}` collections, nested to any depth within the limit,
/// spanning lines freely.
extension Parser {
    mutating func parseFlowCollection() throws(YAMLError) -> YAMLNode {
        try enter()
        defer { leave() }
        return peek() == "[" ? try parseFlowSequence() : try parseFlowMapping()
    }

    private mutating func skipFlowSpace() {
        while true {
            skipBlanks()
            skipComment()
            if peek() == "\n" { advance(); continue }
            break
        }
    }

    /// A ':' that separates a key from its value inside a flow collection. After a quoted
    /// scalar or a flow collection (JSON-like keys) the ':' may touch the value.
    private func atFlowValueIndicator(afterJSONLikeKey: Bool) -> Bool {
        guard peek() == ":" else { return false }
        return afterJSONLikeKey || Self.isWhiteOrEnd(peek(1)) || Self.isFlowIndicator(peek(1))
    }

    private static func isJSONLike(_ node: YAMLNode) -> Bool {
        switch node {
        case .scalar(let s): s.style == .doubleQuoted || s.style == .singleQuoted
        case .sequence, .mapping: true
        }
    }

    private mutating func parseFlowSequence() throws(YAMLError) -> YAMLNode {
        let open = mark
        advance()
        var items: [YAMLNode] = []
        while true {
            skipFlowSpace()
            guard let c = peek() else { throw error("unterminated flow sequence: no closing ']' for this '['", at: open) }
            if c == "]" { advance(); break }
            let entryMark = mark
            var item = try parseFlowNode()
            skipFlowSpace()
            if atFlowValueIndicator(afterJSONLikeKey: Self.isJSONLike(item)) {
                advance()
                skipFlowSpace()
                let value = peek() == "," || peek() == "]" ? emptyScalar(at: mark) : try parseFlowNode()
                item = .mapping(try buildMapping([YAMLMapping.Entry(key: item, value: value)], mark: entryMark))
                skipFlowSpace()
            }
            items.append(item)
            guard let next = peek() else { throw error("unterminated flow sequence: no closing ']' for this '['", at: open) }
            if next == "," { advance(); continue }
            if next == "]" { advance(); break }
            throw error("expected ',' or ']' in a flow sequence, found \(describe(next))", at: mark)
        }
        return .sequence(YAMLSequence(items: items, mark: open))
    }

    private mutating func parseFlowMapping() throws(YAMLError) -> YAMLNode {
        let open = mark
        advance()
        var pairs: [YAMLMapping.Entry] = []
        while true {
            skipFlowSpace()
            guard let c = peek() else { throw error("unterminated flow mapping: no closing '}' for this '{'", at: open) }
            if c == "}" { advance(); break }
            let key: YAMLNode
            if atFlowValueIndicator(afterJSONLikeKey: false) {
                throw error("a mapping key is missing before ':'", at: mark)
            } else {
                key = try parseFlowNode()
            }
            skipFlowSpace()
            let value: YAMLNode
            if atFlowValueIndicator(afterJSONLikeKey: Self.isJSONLike(key)) {
                advance()
                skipFlowSpace()
                value = peek() == "," || peek() == "}" ? emptyScalar(at: mark) : try parseFlowNode()
                skipFlowSpace()
            } else {
                value = emptyScalar(at: mark)
            }
            pairs.append(YAMLMapping.Entry(key: key, value: value))
            guard let next = peek() else { throw error("unterminated flow mapping: no closing '}' for this '{'", at: open) }
            if next == "," { advance(); continue }
            if next == "}" { advance(); break }
            throw error("expected ',' or '}' in a flow mapping, found \(describe(next))", at: mark)
        }
        return .mapping(try buildMapping(pairs, mark: open))
    }

    /// One node inside a flow collection.
    private mutating func parseFlowNode() throws(YAMLError) -> YAMLNode {
        try enter()
        defer { leave() }
        let props = try parseProperties(flow: true)
        skipFlowSpace()
        let start = mark
        guard let c = peek() else { return try apply(props, to: emptyScalar(at: start)) }
        if !props.isEmpty && (c == "," || c == "]" || c == "}" || atFlowValueIndicator(afterJSONLikeKey: false)) {
            return try apply(props, to: emptyScalar(at: start))
        }
        let node: YAMLNode
        switch c {
        case "[", "{":
            node = try parseFlowCollection()
        case "\"", "'":
            node = .scalar(try scanQuoted())
        case "*":
            guard props.isEmpty else { throw error("an alias cannot have an anchor or a tag", at: start) }
            node = try parseAlias()
        case "|", ">":
            throw error("block scalars ('\(Character(c))') are not allowed inside a flow collection", at: start)
        case "?" where Self.isWhiteOrEnd(peek(1)):
            throw error("explicit mapping keys ('? ') are not supported; write the key as 'key: value'", at: start)
        case "-" where Self.isWhiteOrEnd(peek(1)):
            throw error("block sequence entries ('- ') are not allowed inside a flow collection", at: start)
        default:
            try checkPlainStart(flow: true)
            node = .scalar(try scanPlain(minIndent: 0, flow: true, multiLine: true).scalar)
        }
        return try apply(props, to: node)
    }
}
