/// A JSONPath that does not parse, or one whose evaluation went past a limit: the expression, the
/// 1-based column of the problem and what was expected there.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public let expression: String
    /// 1-based, in characters; 0 when the problem is not at one place (a limit while evaluating).
    public let column: Int
    public let message: String

    public init(expression: String, column: Int, message: String) {
        self.expression = expression
        self.column = column
        self.message = message
    }

    public var description: String {
        column > 0 ? "JSONPath \"\(expression)\": column \(column): \(message)" : "JSONPath \"\(expression)\": \(message)"
    }
}
