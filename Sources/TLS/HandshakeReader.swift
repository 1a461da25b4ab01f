/// Reassembles handshake messages from the content of handshake records (RFC 8446 §5.1: messages may
/// span records and records may carry several messages). Bounded: a message longer than
/// `maximumMessageSize` is refused as soon as its header arrives.
public struct HandshakeReader: Sendable {
    /// As Go's crypto/tls (maxHandshake); certificate chains fit comfortably.
    public static let maximumMessageSize = 65_536
    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    /// True when a partial message is buffered (a key change must not happen mid-message, §5.1).
    public var hasPartialMessage: Bool { buffer.count > start }

    public mutating func append(_ fragment: [UInt8]) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer += fragment
    }

    public mutating func next() throws(RecordError) -> HandshakeMessage? {
        guard buffer.count - start >= 4 else { return nil }
        let rawType = buffer[start]
        let length = Int(buffer[start + 1]) << 16 | Int(buffer[start + 2]) << 8 | Int(buffer[start + 3])
        guard let type = HandshakeType(rawValue: rawType) else { throw .unexpectedMessage("unknown handshake message type \(rawType)") }
        guard length <= Self.maximumMessageSize else {
            throw .recordOverflow(length: length, maximum: Self.maximumMessageSize)
        }
        guard buffer.count - start >= 4 + length else { return nil }
        let message = HandshakeMessage(type: type, encoded: Array(buffer[start..<(start + 4 + length)]))
        start += 4 + length
        return message
    }
}
