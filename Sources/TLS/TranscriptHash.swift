/// The running hash of handshake messages (RFC 8446 §4.4.1) with the suite's hash. `current` does not
/// disturb the running state, since the key schedule needs the hash at several points of one handshake.
public struct TranscriptHash: Sendable, RedactedDescription {
    private enum State: Sendable {
        case sha256(SHA256)
        case sha384(SHA384)
    }

    private var state: State

    public init(suite: CipherSuite) {
        state = suite == .aes256GCMSHA384 ? .sha384(SHA384()) : .sha256(SHA256())
    }

    /// Adds one or more complete handshake messages (with their 4-byte headers).
    public mutating func update(_ message: [UInt8]) {
        switch state {
        case var .sha256(h):
            h.update(message)
            state = .sha256(h)
        case var .sha384(h):
            h.update(message)
            state = .sha384(h)
        }
    }

    /// Transcript-Hash of everything added so far.
    public var current: [UInt8] {
        switch state {
        case var .sha256(h): return h.finalize()
        case var .sha384(h): return h.finalize()
        }
    }
}
