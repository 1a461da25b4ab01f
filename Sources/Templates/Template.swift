/// A parsed Go text template with Prometheus's function map: parse once, execute against
/// template data. Errors carry Go's exact message text.
public struct Template {
    public let name: String
    public let limits: TemplateLimits
    private let source: [UInt8]
    private let trees: [String: [TemplateNode]]
    private let functions: [String: TemplateFunction]

    /// Parses `text` as template `name`. Throws a `.parse` `TemplateError` on bad syntax.
    public init(name: String, text: String, environment: TemplateEnvironment = TemplateEnvironment(),
                limits: TemplateLimits = .default) throws {
        self.name = name
        self.limits = limits
        self.source = Array(text.utf8)
        if source.count > limits.maxSourceBytes {
            throw TemplateError(.parse, "template: \(name): source exceeds the limit of \(limits.maxSourceBytes) bytes")
        }
        var functions = BuiltinFunctions.all
        for (k, v) in PrometheusFunctions.make(environment) { functions[k] = v }
        self.functions = functions
        self.trees = try TemplateParser.parse(source: source, name: name, functions: Set(functions.keys),
                                              maxDepth: limits.maxParseDepth)
    }

    /// Names of the templates defined by the source (including the top-level one).
    public var definedTemplates: [String] { trees.keys.sorted() }

    /// Executes the template with `data` as dot. Throws an `.execution` `TemplateError`.
    public func execute(_ data: TemplateValue) throws -> String {
        let executor = TemplateExecutor(source: source, parseName: name, trees: trees, functions: functions, limits: limits)
        return try executor.execute(data)
    }
}
