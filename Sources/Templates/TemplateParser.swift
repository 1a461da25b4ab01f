import TimeSeries
/// Builds template trees from tokens following Go's `parse.Tree` grammar and error texts
/// (`template: NAME:LINE: ...`), including `define`/`block` definitions.
struct TemplateParser {
    private let tokens: [TemplateToken]
    private var index = 0
    private let parseName: String
    private let functions: Set<String>
    private let maxDepth: Int
    private var vars: [String] = ["$"]
    private var rangeDepth = 0
    private var depth = 0
    private var actionLine = 0
    /// Trees by name; the top-level tree is stored under `parseName`.
    private(set) var trees: [String: [TemplateNode]] = [:]

    init(tokens: [TemplateToken], name: String, functions: Set<String>, maxDepth: Int) {
        self.tokens = tokens
        self.parseName = name
        self.functions = functions
        self.maxDepth = maxDepth
    }

    /// Parses the whole input into trees by name.
    static func parse(source: [UInt8], name: String, functions: Set<String>, maxDepth: Int) throws -> [String: [TemplateNode]] {
        var p = TemplateParser(tokens: TemplateLexer.tokenize(source), name: name, functions: functions, maxDepth: maxDepth)
        var root: [TemplateNode] = []
        while p.peek().kind != .eof {
            if p.peek().kind == .leftDelim {
                let mark = p.index
                _ = p.next()
                if p.nextNonSpace().kind == .define {
                    try p.parseDefinition()
                    continue
                }
                p.index = mark
            }
            let n = try p.textOrAction()
            switch n {
            case .end, .elseMarker: throw p.error("unexpected \(n)")
            default: root.append(n)
            }
        }
        try p.add(name: name, root)
        return p.trees
    }

    // MARK: - Token access

    private func peek() -> TemplateToken { tokens[min(index, tokens.count - 1)] }

    private mutating func next() -> TemplateToken {
        let t = peek()
        if index < tokens.count { index += 1 }
        return t
    }

    private mutating func backup() { index = max(0, index - 1) }

    private mutating func nextNonSpace() -> TemplateToken {
        var t = next()
        while t.kind == .space { t = next() }
        return t
    }

    private mutating func peekNonSpace() -> TemplateToken {
        let t = nextNonSpace()
        backup()
        return t
    }

    private var currentLine: Int { tokens[max(0, min(index, tokens.count) - 1)].line }

    private func error(_ message: String) -> TemplateError {
        TemplateError(.parse, "template: \(parseName):\(currentLine): \(message)")
    }

    private func unexpected(_ token: TemplateToken, _ context: String) -> TemplateError {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if token.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return error(token.value + extra)
        }
        return error("unexpected \(token.goDescription) in \(context)")
    }

    private mutating func expect(_ kind: TemplateToken.Kind, _ context: String) throws -> TemplateToken {
        let t = nextNonSpace()
        if t.kind != kind { throw unexpected(t, context) }
        return t
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw error("nesting too deep (limit \(maxDepth))") }
    }

    // MARK: - Trees

    private mutating func add(name: String, _ root: [TemplateNode]) throws {
        if let existing = trees[name], !TemplateParser.isEmpty(existing) {
            if !TemplateParser.isEmpty(root) {
                throw error("template: multiple definition of template \(GoQuote.quote(name))")
            }
            return
        }
        trees[name] = root
    }

    static func isEmpty(_ nodes: [TemplateNode]) -> Bool {
        nodes.allSatisfy { node in
            if case .text(_, let t) = node { return t.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
            return false
        }
    }

    private mutating func parseDefinition() throws {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else { throw unexpected(nameToken, context) }
        let name = try unquote(nameToken)
        _ = try expect(.rightDelim, context)
        let saved = vars
        vars = ["$"]
        let (list, end) = try itemList()
        vars = saved
        if case .end = end {} else { throw error("unexpected \(end) in \(context)") }
        try add(name: name, list)
    }

    private mutating func unquote(_ token: TemplateToken) throws -> String {
        do { return try GoLiteral.unquote(token.value) } catch let e as GoLiteral.SyntaxError {
            throw error(e.message)
        }
    }

    private mutating func itemList() throws -> ([TemplateNode], TemplateNode) {
        var list: [TemplateNode] = []
        while peekNonSpace().kind != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseMarker: return (list, n)
            default: list.append(n)
            }
        }
        throw error("unexpected EOF")
    }

    private mutating func textOrAction() throws -> TemplateNode {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .text(pos: token.pos, token.value)
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        default:
            throw unexpected(token, "input")
        }
    }

    private mutating func action() throws -> TemplateNode {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return try blockControl()
        case .breakKeyword: return try loopControl(token, isBreak: true)
        case .continueKeyword: return try loopControl(token, isBreak: false)
        case .elseKeyword: return try elseControl()
        case .end: return .end(pos: try expect(.rightDelim, "end").pos)
        case .ifKeyword: return .ifNode(try parseControl("if"))
        case .range: return .rangeNode(try parseControl("range"))
        case .template: return try templateControl()
        case .with: return .withNode(try parseControl("with"))
        default: break
        }
        backup()
        let start = peek()
        return .action(pos: start.pos, line: start.line, try pipeline("command", end: .rightDelim))
    }

    private mutating func loopControl(_ token: TemplateToken, isBreak: Bool) throws -> TemplateNode {
        let word = isBreak ? "{{break}}" : "{{continue}}"
        let t = nextNonSpace()
        if t.kind != .rightDelim { throw unexpected(t, word) }
        if rangeDepth == 0 { throw error("\(word) outside {{range}}") }
        return isBreak ? .breakNode(pos: token.pos) : .continueNode(pos: token.pos)
    }

    private mutating func elseControl() throws -> TemplateNode {
        let p = peekNonSpace()
        if p.kind == .ifKeyword || p.kind == .with { return .elseMarker(pos: p.pos, line: p.line) }
        let t = try expect(.rightDelim, "else")
        return .elseMarker(pos: t.pos, line: t.line)
    }

    private mutating func parseControl(_ context: String) throws -> TemplateBranch {
        try enter()
        defer { depth -= 1 }
        let savedVars = vars.count
        defer { vars.removeLast(vars.count - savedVars) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let parsed = try itemList()
        let list = parsed.0
        var next = parsed.1
        if context == "range" { rangeDepth -= 1 }
        var elseList: [TemplateNode]?
        if case .elseMarker = next {
            if (context == "if" && peek().kind == .ifKeyword) || (context == "with" && peek().kind == .with) {
                _ = self.next()
                let nested = try parseControl(context)
                elseList = [context == "if" ? .ifNode(nested) : .withNode(nested)]
            } else {
                let parsed = try itemList()
                elseList = parsed.0
                next = parsed.1
                if case .end = next {} else { throw error("expected end; found \(next)") }
            }
        }
        return TemplateBranch(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    private mutating func templateName(_ token: TemplateToken, _ context: String) throws -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        return try unquote(token)
    }

    private mutating func templateControl() throws -> TemplateNode {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        var pipe: TemplatePipe?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .templateCall(pos: token.pos, line: token.line, name: name, pipe: pipe)
    }

    private mutating func blockControl() throws -> TemplateNode {
        let context = "block clause"
        let token = nextNonSpace()
        let name = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let saved = (vars, rangeDepth)
        vars = ["$"]
        rangeDepth = 0
        try enter()
        let (list, end) = try itemList()
        depth -= 1
        (vars, rangeDepth) = saved
        if case .end = end {} else { throw error("unexpected \(end) in \(context)") }
        try add(name: name, list)
        return .templateCall(pos: token.pos, line: token.line, name: name, pipe: pipe)
    }

    // MARK: - Pipelines

    private mutating func pipeline(_ context: String, end: TemplateToken.Kind) throws -> TemplatePipe {
        let start = peekNonSpace()
        var pipe = TemplatePipe(pos: start.pos, line: start.line)
        decls: while peekNonSpace().kind == .variable {
            let v = nextNonSpace()
            let afterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                pipe.isAssign = following.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariableDecl(pos: v.pos, name: v.value))
                vars.append(v.value)
            } else if following.kind == .char && following.value == "," {
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariableDecl(pos: v.pos, name: v.value))
                vars.append(v.value)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue decls
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else if afterVariable.kind == .space {
                index -= 2
            } else {
                index -= 1
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .dot, .field, .identifier, .number, .nilKeyword, .rawString,
                 .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    private func checkPipeline(_ pipe: TemplatePipe, _ context: String) throws {
        if pipe.cmds.isEmpty { throw error("missing value for \(context)") }
        for (i, c) in pipe.cmds.enumerated().dropFirst() {
            switch c.args[0] {
            case .bool, .dot, .nilValue, .number, .string:
                throw error("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    private mutating func command() throws -> TemplateCommand {
        var cmd = TemplateCommand(pos: peekNonSpace().pos, args: [])
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw error("empty command") }
        return cmd
    }

    private mutating func operand() throws -> TemplateArg? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().value.dropFirst())) }
        switch node {
        case .field(_, let idents): return .field(pos: chainPos, idents: idents + fields)
        case .variable(_, let idents): return .variable(pos: chainPos, idents: idents + fields)
        case .bool, .string, .number, .nilValue, .dot:
            throw error("unexpected . after term \(GoQuote.quote(node.description))")
        default: return .chain(pos: chainPos, node: node, fields: fields)
        }
    }

    private mutating func term() throws -> TemplateArg? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            if !functions.contains(token.value) { throw error("function \(GoQuote.quote(token.value)) not defined") }
            return .identifier(pos: token.pos, name: token.value)
        case .dot: return .dot(pos: token.pos)
        case .nilKeyword: return .nilValue(pos: token.pos)
        case .variable:
            let idents = token.value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if !vars.contains(idents[0]) { throw error("undefined variable \(GoQuote.quote(idents[0]))") }
            return .variable(pos: token.pos, idents: idents)
        case .field: return .field(pos: token.pos, idents: [String(token.value.dropFirst())])
        case .bool: return .bool(pos: token.pos, token.value == "true")
        case .charConstant, .number:
            do {
                return .number(pos: token.pos, try GoLiteral.number(token.value, isChar: token.kind == .charConstant))
            } catch let e as GoLiteral.SyntaxError {
                throw error(e.message)
            }
        case .leftParen:
            try enter()
            defer { depth -= 1 }
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            return .string(pos: token.pos, quoted: token.value, text: try unquote(token))
        default:
            backup()
            return nil
        }
    }
}
