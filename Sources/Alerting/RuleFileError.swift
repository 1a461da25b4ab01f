/// A rule file that could not be loaded, with every problem found in it.
public struct RuleFileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [RuleDiagnostic]

    public init(_ diagnostics: [RuleDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
