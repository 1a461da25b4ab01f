/// A function callable from templates: its Go signature and its body.
struct TemplateFunction {
    enum Body {
        case plain(([TemplateValue]) throws -> TemplateValue)
        /// Go's short-circuit `and` / `or`.
        case and
        case or
    }

    var params: [GoParam]
    var variadic: GoParam?
    var body: Body

    init(_ params: [GoParam], variadic: GoParam? = nil, _ body: @escaping ([TemplateValue]) throws -> TemplateValue) {
        self.params = params
        self.variadic = variadic
        self.body = .plain(body)
    }

    init(params: [GoParam], variadic: GoParam?, body: Body) {
        self.params = params
        self.variadic = variadic
        self.body = body
    }
}
