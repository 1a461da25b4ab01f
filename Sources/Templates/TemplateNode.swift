/// A parsed number literal with the interpretations Go's `parse.NumberNode` records.
struct NumberLiteral: Equatable {
    var text: String
    var isInt = false
    var isUint = false
    var isFloat = false
    var int: Int64 = 0
    var float: Double = 0
}

/// An operand of a command, as Go's parse nodes (field, chain, variable, literal, ...).
indirect enum TemplateArg {
    case field(pos: Int, idents: [String])
    case chain(pos: Int, node: TemplateArg, fields: [String])
    case identifier(pos: Int, name: String)
    case variable(pos: Int, idents: [String])
    case dot(pos: Int)
    case nilValue(pos: Int)
    case bool(pos: Int, Bool)
    case number(pos: Int, NumberLiteral)
    case string(pos: Int, quoted: String, text: String)
    case pipe(TemplatePipe)

    var pos: Int {
        switch self {
        case .field(let p, _), .chain(let p, _, _), .identifier(let p, _), .variable(let p, _),
             .dot(let p), .nilValue(let p), .bool(let p, _), .number(let p, _), .string(let p, _, _):
            return p
        case .pipe(let pipe):
            return pipe.pos
        }
    }
}

/// A declared variable in a pipeline (`$x :=`).
struct TemplateVariableDecl {
    var pos: Int
    var name: String
}

/// One command of a pipeline: a function or value followed by its arguments.
struct TemplateCommand {
    var pos: Int
    var args: [TemplateArg]
}

/// A pipeline, optionally declaring or assigning variables.
struct TemplatePipe {
    var pos: Int
    var line: Int
    var isAssign = false
    var decl: [TemplateVariableDecl] = []
    var cmds: [TemplateCommand] = []
}

/// The shared shape of `if`, `range` and `with`.
struct TemplateBranch {
    var pos: Int
    var line: Int
    var pipe: TemplatePipe
    var list: [TemplateNode]
    var elseList: [TemplateNode]?
}

/// A node of a template body, mirroring Go's `text/template/parse` node kinds.
indirect enum TemplateNode {
    case text(pos: Int, String)
    case action(pos: Int, line: Int, TemplatePipe)
    case ifNode(TemplateBranch)
    case rangeNode(TemplateBranch)
    case withNode(TemplateBranch)
    case templateCall(pos: Int, line: Int, name: String, pipe: TemplatePipe?)
    case breakNode(pos: Int)
    case continueNode(pos: Int)
    /// Parser-internal markers for `{{end}}` and `{{else}}`.
    case end(pos: Int)
    case elseMarker(pos: Int, line: Int)

    var pos: Int {
        switch self {
        case .text(let p, _), .action(let p, _, _), .templateCall(let p, _, _, _), .breakNode(let p),
             .continueNode(let p), .end(let p), .elseMarker(let p, _):
            return p
        case .ifNode(let b), .rangeNode(let b), .withNode(let b):
            return b.pos
        }
    }
}

/// The node an execution error is reported at (Go's `state.node`).
enum TemplateSite {
    case node(TemplateNode)
    case pipe(TemplatePipe)
    case command(TemplateCommand)
    case arg(TemplateArg)

    var pos: Int {
        switch self {
        case .node(let n): return n.pos
        case .pipe(let p): return p.pos
        case .command(let c): return c.pos
        case .arg(let a): return a.pos
        }
    }

    var description: String {
        switch self {
        case .node(let n): return n.description
        case .pipe(let p): return p.description
        case .command(let c): return c.description
        case .arg(let a): return a.description
        }
    }
}
