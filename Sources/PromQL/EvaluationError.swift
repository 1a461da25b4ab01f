/// A runtime failure of a query, worded as Prometheus's engine words it.
public struct EvaluationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
