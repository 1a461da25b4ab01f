import TimeSeries
// Go's `Node.String()` forms, which appear as the `<...>` context of execution errors.

extension TemplateArg: CustomStringConvertible {
    var description: String {
        switch self {
        case .field(_, let idents): return idents.map { "." + $0 }.joined()
        case .chain(_, let node, let fields):
            let head: String
            if case .pipe(let p) = node { head = "(" + p.description + ")" } else { head = node.description }
            return head + fields.map { "." + $0 }.joined()
        case .identifier(_, let name): return name
        case .variable(_, let idents): return idents.joined(separator: ".")
        case .dot: return "."
        case .nilValue: return "nil"
        case .bool(_, let b): return b ? "true" : "false"
        case .number(_, let n): return n.text
        case .string(_, let quoted, _): return quoted
        case .pipe(let p): return p.description
        }
    }
}

extension TemplateCommand: CustomStringConvertible {
    var description: String {
        args.map { arg in
            if case .pipe(let p) = arg { return "(" + p.description + ")" }
            return arg.description
        }.joined(separator: " ")
    }
}

extension TemplatePipe: CustomStringConvertible {
    var description: String {
        var out = ""
        if !decl.isEmpty {
            out += decl.map(\.name).joined(separator: ", ")
            out += isAssign ? " = " : " := "
        }
        out += cmds.map(\.description).joined(separator: " | ")
        return out
    }
}

extension TemplateNode: CustomStringConvertible {
    var description: String {
        switch self {
        case .text(_, let t): return t
        case .action(_, _, let p): return "{{" + p.description + "}}"
        case .ifNode(let b): return TemplateNode.branch("if", b)
        case .rangeNode(let b): return TemplateNode.branch("range", b)
        case .withNode(let b): return TemplateNode.branch("with", b)
        case .templateCall(_, _, let name, let pipe):
            if let pipe { return "{{template \(GoQuote.quote(name)) \(pipe)}}" }
            return "{{template \(GoQuote.quote(name))}}"
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        case .end: return "{{end}}"
        case .elseMarker: return "{{else}}"
        }
    }

    private static func branch(_ name: String, _ b: TemplateBranch) -> String {
        var out = "{{\(name) \(b.pipe)}}" + b.list.map(\.description).joined()
        if let e = b.elseList { out += "{{else}}" + e.map(\.description).joined() }
        return out + "{{end}}"
    }
}
