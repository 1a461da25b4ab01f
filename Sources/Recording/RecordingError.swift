/// Why a recording could not be written or read: the file, the byte offset where it applies
/// (the start of the bad block plus the position inside it), and what was wrong.
public struct RecordingError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// Byte offset from the start of `file`; nil when the problem is not at a position (open, write).
    public var offset: Int64?
    public var message: String

    public init(file: String, offset: Int64? = nil, _ message: String) {
        self.file = file
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset { return "\(file): offset \(offset): \(message)" }
        return "\(file): \(message)"
    }
}
