/// A scalar as written: its raw text, how it was quoted and the core-schema type it resolved
/// to, so callers can read typed values yet still tell `"1"` (a string) from `1` (an int).
public struct YAMLScalar: Hashable, Sendable {
    /// How the scalar was written.
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The YAML 1.2 core schema type the scalar resolved to (from its tag or, when plain, its text).
    public enum Kind: String, Hashable, Sendable {
        case null, bool, int, float, string
    }

    /// The scalar's text after quoting, escapes and folding were processed.
    public var value: String
    public var style: Style
    public var kind: Kind
    public var mark: Mark

    public init(value: String, style: Style = .plain, kind: Kind? = nil, mark: Mark = Mark(line: 1, column: 1)) {
        self.value = value
        self.style = style
        self.kind = kind ?? (style == .plain ? CoreSchema.resolve(value) : .string)
        self.mark = mark
    }

    /// The text for any non-null scalar (an int or a bool reads as its text, as Go's decoder
    /// does for string fields); nil for null.
    public var string: String? { kind == .null ? nil : value }

    /// The value of an int scalar, or nil when it is not an int or does not fit in `Int`.
    public var int: Int? { kind == .int ? CoreSchema.parseInt(value) : nil }

    /// The value of a float or int scalar.
    public var double: Double? {
        switch kind {
        case .float: CoreSchema.parseFloat(value)
        case .int: CoreSchema.parseInt(value).map(Double.init) ?? CoreSchema.parseFloat(value)
        default: nil
        }
    }

    /// The value of a bool scalar.
    public var bool: Bool? { kind == .bool ? CoreSchema.parseBool(value) : nil }

    public var isNull: Bool { kind == .null }
}
