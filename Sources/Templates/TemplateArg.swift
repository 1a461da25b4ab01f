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
