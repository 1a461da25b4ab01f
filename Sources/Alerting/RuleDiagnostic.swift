/// One problem found in a rule file or a rule test file, printed as `file:line:col: message`
/// like a compiler diagnostic; the message text follows Prometheus's wording.
public struct RuleDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Errors make a file unusable; warnings (promtool's lint findings) do not.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
