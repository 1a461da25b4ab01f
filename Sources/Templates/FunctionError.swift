/// An error raised by a template function; the executor wraps it as `error calling NAME: ...`.
public struct FunctionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
