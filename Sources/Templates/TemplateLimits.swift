/// Bounds on one template expansion, so a hostile rule file cannot hang the dashboard or
/// exhaust its memory.
public struct TemplateLimits: Sendable, Equatable {
    /// Maximum bytes of output, and of any single string value built while executing.
    public var maxOutputBytes: Int
    /// Maximum evaluation steps (actions, commands and loop iterations).
    public var maxSteps: Int
    /// Maximum depth of nested `{{template}}` calls.
    public var maxTemplateDepth: Int
    /// Maximum nesting of control structures and parentheses while parsing.
    public var maxParseDepth: Int
    /// Maximum template source size in bytes.
    public var maxSourceBytes: Int

    public init(maxOutputBytes: Int = 1 << 20, maxSteps: Int = 1_000_000, maxTemplateDepth: Int = 100,
                maxParseDepth: Int = 100, maxSourceBytes: Int = 1 << 20) {
        self.maxOutputBytes = maxOutputBytes
        self.maxSteps = maxSteps
        self.maxTemplateDepth = maxTemplateDepth
        self.maxParseDepth = maxParseDepth
        self.maxSourceBytes = maxSourceBytes
    }

    public static let `default` = TemplateLimits()
}
