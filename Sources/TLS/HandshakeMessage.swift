/// One complete handshake message: its type, body, and the full encoding (4-byte header included),
/// which is what the transcript hash covers.
public struct HandshakeMessage: Equatable, Sendable {
    public let type: HandshakeType
    public let encoded: [UInt8]

    public var body: ArraySlice<UInt8> { encoded[4...] }

    public init(type: HandshakeType, body: [UInt8]) {
        self.type = type
        encoded = [type.rawValue, UInt8(truncatingIfNeeded: body.count >> 16), UInt8(truncatingIfNeeded: body.count >> 8),
                   UInt8(truncatingIfNeeded: body.count)] + body
    }

    init(type: HandshakeType, encoded: [UInt8]) {
        self.type = type
        self.encoded = encoded
    }
}
