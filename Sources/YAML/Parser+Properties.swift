/// Node properties (`&anchor`, `!!tag`), aliases (`*anchor`) and the alias expansion limit.
extension Parser {
    /// The anchor and tag written before a node.
    struct Properties {
        var anchor: String?
        var tag: CoreTag?
        var tagText = ""
        var tagMark: Mark?
        var mark: Mark?
        /// `producedNodes` when the properties were read, to size the anchored node.
        var startCount = 0

        var isEmpty: Bool { anchor == nil && tag == nil }
    }

    /// The tags the reader honours: the YAML 1.2 core schema plus the non-specific `!`.
    enum CoreTag: Equatable {
        case str, int, float, bool, null, map, seq, nonSpecific

        init?(_ text: String) {
            let core = "tag:yaml.org,2002:"
            var name = text
            if name.hasPrefix("!<") && name.hasSuffix(">") {
                name = String(name.dropFirst(2).dropLast())
                guard name.hasPrefix(core) else { return nil }
                name = "!!" + name.dropFirst(core.count)
            }
            switch name {
            case "!": self = .nonSpecific
            case "!!str": self = .str
            case "!!int": self = .int
            case "!!float": self = .float
            case "!!bool": self = .bool
            case "!!null": self = .null
            case "!!map": self = .map
            case "!!seq": self = .seq
            default: return nil
            }
        }
    }

    mutating func parseProperties(flow: Bool) throws(YAMLError) -> Properties {
        var props = Properties(startCount: producedNodes)
        while let c = peek(), c == "&" || c == "!" {
            let start = mark
            props.mark = props.mark ?? start
            if c == "&" {
                guard props.anchor == nil else { throw error("a node can have only one anchor", at: start) }
                advance()
                let name = scanAnchorName(flow: flow)
                guard !name.isEmpty else { throw error("an anchor needs a name after '&'", at: start) }
                props.anchor = name
            } else {
                guard props.tag == nil else { throw error("a node can have only one tag", at: start) }
                var text = ""
                if peek(1) == "<" {
                    while let t = peek(), t != ">", !Self.isWhiteOrEnd(t) { text.unicodeScalars.append(t); advance() }
                    if peek() == ">" { text += ">"; advance() }
                } else {
                    while let t = peek(), !Self.isWhiteOrEnd(t), !(flow && Self.isFlowIndicator(t)) {
                        text.unicodeScalars.append(t)
                        advance()
                    }
                }
                guard let tag = CoreTag(text) else {
                    throw error("unsupported tag '\(text)'; only the core schema tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are accepted", at: start)
                }
                props.tag = tag
                props.tagText = text
                props.tagMark = start
            }
            guard Self.isWhiteOrEnd(peek()) || (flow && Self.isFlowIndicator(peek())) else {
                throw error("expected a space after the node's \(c == "&" ? "anchor" : "tag")", at: mark)
            }
            skipBlanks()
        }
        return props
    }

    /// Anchor and alias names run to white space or a flow indicator; a ':' followed by white
    /// space also ends them so `*a : b` and `*a: b` both read as an alias key.
    private mutating func scanAnchorName(flow: Bool) -> String {
        var name = ""
        while let c = peek(), !Self.isWhiteOrEnd(c), !Self.isFlowIndicator(c) {
            if c == ":" && (Self.isWhiteOrEnd(peek(1)) || (flow && Self.isFlowIndicator(peek(1)))) { break }
            name.unicodeScalars.append(c)
            advance()
        }
        return name
    }

    mutating func parseAlias() throws(YAMLError) -> YAMLNode {
        let start = mark
        advance()
        let name = scanAnchorName(flow: true)
        guard !name.isEmpty else { throw error("an alias needs a name after '*'", at: start) }
        guard let anchor = anchors[name] else {
            throw error("undefined alias '*\(name)': no anchor '&\(name)' appears before it", at: start)
        }
        aliasNodes += anchor.size
        producedNodes += anchor.size
        if aliasNodes > limits.maxAliasNodes {
            throw error("aliases expand to more than \(limits.maxAliasNodes) nodes; refusing a possible 'billion laughs' document", at: start)
        }
        return anchor.node.moved(to: start)
    }

    /// Applies the tag (checking it fits the node) and records the anchor.
    mutating func apply(_ props: Properties, to node: YAMLNode) throws(YAMLError) -> YAMLNode {
        var node = node
        if let tag = props.tag {
            node = try retag(node, tag, text: props.tagText, at: props.tagMark ?? node.mark)
        }
        if let anchor = props.anchor {
            anchors[anchor] = Anchor(node: node, size: max(1, producedNodes - props.startCount))
        }
        return node
    }

    private func retag(_ node: YAMLNode, _ tag: CoreTag, text: String, at tagMark: Mark) throws(YAMLError) -> YAMLNode {
        switch (tag, node) {
        case (.map, .mapping), (.seq, .sequence), (.nonSpecific, .mapping), (.nonSpecific, .sequence):
            return node
        case (.map, _), (.seq, _):
            throw error("tag \(text) cannot be applied to a \(node.kindName)", at: tagMark)
        case (_, .mapping), (_, .sequence):
            throw error("tag \(text) cannot be applied to a \(node.kindName)", at: tagMark)
        case (_, .scalar(var scalar)):
            let value = scalar.value
            switch tag {
            case .str, .nonSpecific:
                scalar.kind = .string
            case .int:
                guard CoreSchema.isInt(value) else { throw error("'\(value)' is not a valid !!int", at: tagMark) }
                scalar.kind = .int
            case .float:
                guard CoreSchema.isInt(value) || CoreSchema.isFloat(value) else {
                    throw error("'\(value)' is not a valid !!float", at: tagMark)
                }
                scalar.kind = .float
            case .bool:
                guard CoreSchema.parseBool(value) != nil else { throw error("'\(value)' is not a valid !!bool", at: tagMark) }
                scalar.kind = .bool
            case .null:
                guard CoreSchema.isNull(value) else { throw error("'\(value)' is not a valid !!null", at: tagMark) }
                scalar.kind = .null
            case .map, .seq:
                break
            }
            return .scalar(scalar)
        }
    }

    /// When the current line holds an implicit mapping key (properties, then a one-line scalar,
    /// alias or flow collection, then ':' and white space), the position of that ':'.
    func implicitKeyColon() -> Mark? {
        var i = pos
        func at(_ k: Int) -> Unicode.Scalar? { k < text.count ? text[k] : nil }
        func skipBlanksAt() { while Self.isBlank(at(i)) { i += 1 } }
        while let c = at(i), c == "&" || c == "!" {
            while !Self.isWhiteOrEnd(at(i)) { i += 1 }
            skipBlanksAt()
        }
        guard let first = at(i), first != "\n", first != "#" else { return nil }
        switch first {
        case "\"":
            i += 1
            while true {
                guard let c = at(i), c != "\n" else { return nil }
                if c == "\\" { i += 2; continue }
                i += 1
                if c == "\"" { break }
            }
        case "'":
            i += 1
            while true {
                guard let c = at(i), c != "\n" else { return nil }
                i += 1
                if c == "'" {
                    if at(i) == "'" { i += 1; continue }
                    break
                }
            }
        case "[", "{":
            var nesting = 0
            var quote: Unicode.Scalar?
            repeat {
                guard let c = at(i), c != "\n" else { return nil }
                if let q = quote {
                    if c == "\\" && q == "\"" { i += 1 } else if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "[" || c == "{" {
                    nesting += 1
                } else if c == "]" || c == "}" {
                    nesting -= 1
                }
                i += 1
            } while nesting > 0
        case "*":
            i += 1
            while let c = at(i), !Self.isWhiteOrEnd(c), !Self.isFlowIndicator(c) {
                if c == ":" && Self.isWhiteOrEnd(at(i + 1)) { break }
                i += 1
            }
        case "-", "?", ":":
            if Self.isWhiteOrEnd(at(i + 1)) { return nil }
            fallthrough
        default:
            while let c = at(i), c != "\n" {
                if c == ":" && Self.isWhiteOrEnd(at(i + 1)) { return mark(at: i) }
                if c == "#" && i > 0 && Self.isBlank(text[i - 1]) { return nil }
                i += 1
            }
            return nil
        }
        skipBlanksAt()
        if at(i) == ":" && Self.isWhiteOrEnd(at(i + 1)) { return mark(at: i) }
        return nil
    }
}
