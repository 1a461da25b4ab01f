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
