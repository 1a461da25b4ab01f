/// A template failure with Go's message text (`template: NAME:LINE:COL: ...`), so the
/// `<error expanding template: ...>` annotations match what Prometheus writes.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case parse
        case execution
    }

    public var kind: Kind
    /// The full Go-style message.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
