/// A positional argument of a command, for help text and count checks.
public struct PositionalSpec: Sendable {
    public let name: String
    public let help: String
    public let optional: Bool
    /// True when the argument may be given any number of times (`FILE...`).
    public let variadic: Bool

    public init(_ name: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
    }

    var synopsis: String {
        let n = variadic ? "\(name)..." : name
        return optional ? "[\(n)]" : n
    }
}
