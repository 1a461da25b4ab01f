import TimeSeries
/// Executes parsed template trees the way Go's `text/template` `state` does: the same walk
/// order, variable scoping, error sites and messages, plus output and step limits.
final class TemplateExecutor {
    enum Flow {
        case normal, breakLoop, continueLoop
    }

    let source: [UInt8]
    let parseName: String
    let trees: [String: [TemplateNode]]
    let functions: [String: TemplateFunction]
    let limits: TemplateLimits
    var templateName: String
    var site: TemplateSite?
    var vars: [(name: String, value: TemplateValue)] = []
    var depth = 0
    var steps = 0
    var output = ""
    var outputBytes = 0

    init(source: [UInt8], parseName: String, trees: [String: [TemplateNode]],
         functions: [String: TemplateFunction], limits: TemplateLimits) {
        self.source = source
        self.parseName = parseName
        self.trees = trees
        self.functions = functions
        self.limits = limits
        self.templateName = parseName
    }

    func execute(_ data: TemplateValue) throws -> String {
        vars = [("$", data)]
        guard let root = trees[parseName] else {
            throw errorf("\(GoQuote.quote(parseName)) is an incomplete or empty template")
        }
        _ = try walkList(data, root)
        return output
    }

    // MARK: - Errors and limits

    func errorf(_ message: String) -> TemplateError {
        guard let site else { return TemplateError(.execution, "template: \(templateName): \(message)") }
        let pos = min(site.pos, source.count)
        let before = source[0..<pos]
        let line = 1 + before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let col = before.lastIndex(of: 0x0A).map { pos - ($0 + 1) } ?? pos
        return TemplateError(.execution, "template: \(parseName):\(line):\(col): executing \(GoQuote.quote(templateName)) at <\(site.description)>: \(message)")
    }

    func step() throws {
        steps += 1
        if steps > limits.maxSteps { throw errorf("template execution exceeded the limit of \(limits.maxSteps) steps") }
    }

    func write(_ text: String) throws {
        outputBytes += text.utf8.count
        if outputBytes > limits.maxOutputBytes {
            throw errorf("template output exceeded the limit of \(limits.maxOutputBytes) bytes")
        }
        output += text
    }

    func checkSize(_ value: TemplateValue) throws {
        if case .string(let s) = value, s.utf8.count > limits.maxOutputBytes {
            throw errorf("value exceeded the limit of \(limits.maxOutputBytes) bytes")
        }
    }

    // MARK: - Variables

    func varValue(_ name: String) throws -> TemplateValue {
        if let v = vars.last(where: { $0.name == name }) { return v.value }
        throw errorf("undefined variable: \(name)")
    }

    func setVar(_ name: String, _ value: TemplateValue) throws {
        guard let i = vars.lastIndex(where: { $0.name == name }) else { throw errorf("undefined variable: \(name)") }
        vars[i].value = value
    }

    func pop(to mark: Int) {
        if vars.count > mark { vars.removeLast(vars.count - mark) }
    }

    // MARK: - Walk

    func walkList(_ dot: TemplateValue, _ list: [TemplateNode]) throws -> Flow {
        for node in list {
            let flow = try walk(dot, node)
            if flow != .normal { return flow }
        }
        return .normal
    }

    func walk(_ dot: TemplateValue, _ node: TemplateNode) throws -> Flow {
        site = .node(node)
        try step()
        switch node {
        case .text(_, let text):
            try write(text)
        case .action(_, _, let pipe):
            let value = try evalPipeline(dot, pipe)
            if pipe.decl.isEmpty { try printValue(node, value) }
        case .ifNode(let b):
            return try walkIfOrWith(isWith: false, dot, b)
        case .withNode(let b):
            return try walkIfOrWith(isWith: true, dot, b)
        case .rangeNode(let b):
            return try walkRange(dot, node, b)
        case .templateCall(_, _, let name, let pipe):
            try walkTemplate(dot, node, name, pipe)
        case .breakNode:
            return .breakLoop
        case .continueNode:
            return .continueLoop
        case .end, .elseMarker:
            break
        }
        return .normal
    }

    private func walkIfOrWith(isWith: Bool, _ dot: TemplateValue, _ b: TemplateBranch) throws -> Flow {
        let mark = vars.count
        defer { pop(to: mark) }
        let value = try evalPipeline(dot, b.pipe)
        if value.isTrue { return try walkList(isWith ? value : dot, b.list) }
        if let elseList = b.elseList { return try walkList(dot, elseList) }
        return .normal
    }

    private func walkRange(_ dot: TemplateValue, _ node: TemplateNode, _ r: TemplateBranch) throws -> Flow {
        site = .node(node)
        let outer = vars.count
        defer { pop(to: outer) }
        let value = try evalPipeline(dot, r.pipe)
        let mark = vars.count
        let decl = r.pipe.decl
        func iteration(_ index: TemplateValue, _ elem: TemplateValue) throws -> Flow {
            try step()
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVar(decl[0].name, decl.count > 1 ? index : elem)
                } else {
                    vars[vars.count - 1].value = elem
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign { try setVar(decl[1].name, elem) } else { vars[vars.count - 2].value = index }
            }
            defer { pop(to: mark) }
            return try walkList(elem, r.list)
        }
        var ran = false
        switch value {
        case .array(let items, _):
            for (i, item) in items.enumerated() {
                ran = true
                if try iteration(.int(i), item) == .breakLoop { break }
            }
        case .stringMap(let m):
            for key in m.keys.sorted(by: GoFormat.byteOrder) {
                ran = true
                if try iteration(.string(key), .string(m[key]!)) == .breakLoop { break }
            }
        case .map(let m):
            for key in m.keys.sorted(by: GoFormat.byteOrder) {
                ran = true
                if try iteration(.string(key), m[key]!) == .breakLoop { break }
            }
        case .int(let n):
            if decl.count > 1 { throw errorf("can't use \(n) to iterate over more than one variable") }
            var i = 0
            while i < n {
                ran = true
                if try iteration(.int(i), .int(i)) == .breakLoop { break }
                i += 1
            }
        case .none:
            break
        default:
            throw errorf("range can't iterate over \(GoFormat.sprint([value]))")
        }
        if !ran, let elseList = r.elseList { return try walkList(dot, elseList) }
        return .normal
    }

    private func walkTemplate(_ dot: TemplateValue, _ node: TemplateNode, _ name: String, _ pipe: TemplatePipe?) throws {
        site = .node(node)
        guard let root = trees[name] else { throw errorf("template \(GoQuote.quote(name)) not defined") }
        if depth >= limits.maxTemplateDepth {
            throw errorf("exceeded maximum template depth (\(limits.maxTemplateDepth))")
        }
        let newDot = try evalPipeline(dot, pipe)
        let saved = (vars, templateName)
        vars = [("$", newDot)]
        templateName = name
        depth += 1
        defer {
            depth -= 1
            (vars, templateName) = saved
        }
        _ = try walkList(newDot, root)
    }

    private func printValue(_ node: TemplateNode, _ value: TemplateValue) throws {
        site = .node(node)
        switch value {
        case .none:
            try write("<no value>")
        case .record(var r) where r.isPointer:
            r.isPointer = false
            try write(GoFormat.sprint([.record(r)]))
        default:
            try write(GoFormat.sprint([value]))
        }
    }
}
