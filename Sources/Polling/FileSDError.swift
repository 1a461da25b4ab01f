/// Why a `file_sd` file was not used: `file:line:col: message` when the position is known (YAML,
/// JSON syntax), `file: message` otherwise. The file's previous targets stay in use.
public struct FileSDError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let line, let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file): \(message)"
    }
}
