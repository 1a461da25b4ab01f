/// A command line that does not fit its command: the caller prints it with a usage hint and
/// exits 2, as command-line tools conventionally do.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The full command path (`vigil parse`) for the hint line.
    public let command: String

    public init(_ message: String, command: String) {
        self.message = message
        self.command = command
    }

    public var description: String {
        "\(command): \(message)\nRun '\(command) --help' for usage."
    }
}
