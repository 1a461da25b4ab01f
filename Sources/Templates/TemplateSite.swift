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
