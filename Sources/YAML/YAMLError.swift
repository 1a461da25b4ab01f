/// A problem found while reading YAML, located at a line and column of a named file so the
/// message can be printed as `file:line:col: message` like a compiler diagnostic.
public struct YAMLError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(file: String, mark: Mark, message: String) {
        self.init(file: file, line: mark.line, column: mark.column, message: message)
    }

    public var mark: Mark { Mark(line: line, column: column) }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
