/// A syntax or type error in a PromQL expression, printed as Prometheus prints it:
/// `1:5: parse error: unexpected ...` (line and 1-based byte column of the offending item).
public struct ParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Byte offset into the query where the problem starts.
    public var position: Int
    public var message: String
    /// The query text, used to turn the offset into line and column.
    public var query: String

    public init(position: Int, message: String, query: String) {
        self.position = position
        self.message = message
        self.query = query
    }

    /// `line:column`, both 1-based, column counted in bytes as Prometheus does.
    public var location: String {
        let bytes = Array(query.utf8)
        guard position >= 0, position <= bytes.count else { return "invalid position:" }
        var line = 1
        var lastBreak = -1
        for i in 0..<position where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lastBreak = i
        }
        return "\(line):\(position - lastBreak)"
    }

    public var description: String { "\(location): parse error: \(message)" }
}
