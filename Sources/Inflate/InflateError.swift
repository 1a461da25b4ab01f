/// Why decompression failed: the output limit was hit, the input ended early, the compressed
/// data is malformed, or a checksum did not match. Messages never include payload bytes.
public struct InflateError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The class of failure; match on this rather than on the message.
    public enum Kind: Sendable, Equatable, Hashable {
        /// The decompressed output would exceed the given `maxOutput`.
        case outputLimit(Int)
        /// The compressed input ended before the stream (and its trailer) was complete.
        case truncated
        /// The compressed data is malformed (bad header, bad Huffman code, bad distance, ...).
        case corrupt
        /// A CRC-32, Adler-32, ISIZE or header CRC did not match the decompressed data.
        case checksum
    }

    public let kind: Kind
    public let message: String
    /// Offset in the compressed input (bytes from its start) where the problem was found, if known.
    public let offset: Int?

    public init(kind: Kind, message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public static func outputLimit(_ limit: Int) -> InflateError {
        InflateError(kind: .outputLimit(limit), message: "decompressed output exceeds the limit of \(limit) bytes")
    }

    public static let truncated = InflateError(kind: .truncated, message: "compressed data ends before the end of the stream")

    public static func corrupt(_ message: String, at offset: Int? = nil) -> InflateError {
        InflateError(kind: .corrupt, message: message, offset: offset)
    }

    public static func checksum(_ message: String) -> InflateError {
        InflateError(kind: .checksum, message: message)
    }

    public var description: String {
        if let offset { return "\(message) (at compressed byte \(offset))" }
        return message
    }
}
