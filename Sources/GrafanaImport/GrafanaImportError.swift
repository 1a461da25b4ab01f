/// Why a Grafana dashboard could not be imported at all: the file is not JSON, or not a dashboard.
/// (Panels that cannot be converted are not errors: they become `ImportNote`s.)
public struct GrafanaImportError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    /// 1-based position in the JSON text, when the problem has one.
    public var line: Int?
    public var column: Int?

    public init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:col: message`, or just the message.
    public var description: String {
        if let line, let column { return "\(line):\(column): \(message)" }
        return message
    }
}
