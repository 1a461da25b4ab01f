/// A label matcher as in PromQL selectors: `=`, `!=`, `=~`, `!~`.
///
/// Regular expressions are fully anchored, as Prometheus anchors them (`^(?:re)$`).
public struct LabelMatcher: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"
    }

    public let kind: Kind
    public let name: String
    public let value: String
    private let regex: AnchoredRegex?

    /// Throws `LabelMatcherError` when a regular expression does not compile.
    public init(_ kind: Kind, _ name: String, _ value: String) throws {
        self.kind = kind
        self.name = name
        self.value = value
        switch kind {
        case .equal, .notEqual: regex = nil
        case .regexMatch, .regexNoMatch: regex = try AnchoredRegex(value)
        }
    }

    /// Matches a label value; an absent label has the value "".
    public func matches(_ v: String) -> Bool {
        switch kind {
        case .equal: return v == value
        case .notEqual: return v != value
        case .regexMatch: return regex!.matches(v)
        case .regexNoMatch: return !regex!.matches(v)
        }
    }

    /// True when the matcher selects series that lack the label.
    public var matchesEmpty: Bool { matches("") }

    public var description: String {
        "\(name)\(kind.rawValue)\"\(Labels.escape(value))\""
    }
}

public struct LabelMatcherError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
