/// How rule files are read: Prometheus 3.x defaults are strict fields and UTF-8 names.
public struct RuleLoadOptions: Sendable, Hashable {
    /// promtool's `--ignore-unknown-fields`.
    public var ignoreUnknownFields: Bool
    public var nameValidation: NameValidation

    public init(ignoreUnknownFields: Bool = false, nameValidation: NameValidation = .utf8) {
        self.ignoreUnknownFields = ignoreUnknownFields
        self.nameValidation = nameValidation
    }
}
