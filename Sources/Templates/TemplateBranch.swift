/// The shared shape of `if`, `range` and `with`.
struct TemplateBranch {
    var pos: Int
    var line: Int
    var pipe: TemplatePipe
    var list: [TemplateNode]
    var elseList: [TemplateNode]?
}
