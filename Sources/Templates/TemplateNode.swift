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
