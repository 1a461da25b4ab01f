/// Record-layer failures (RFC 8446 §5), each mapped to the alert the connection must send before closing.
public enum RecordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A record or its decrypted content is larger than the protocol allows.
    case recordOverflow(length: Int, maximum: Int)
    /// Decryption failed: the record was altered, or the keys or sequence number disagree.
    case badRecordMAC
    /// A structurally valid record arrived where it is not allowed.
    case unexpectedMessage(String)
    /// A record or alert could not be parsed.
    case decodeError(String)
    /// 2^64 − 1 records were protected with one key; the connection must update keys or close.
    case sequenceNumberExhausted
    /// The caller passed an argument the record layer cannot honour (e.g. an oversized fragment to send).
    case invalidArgument(String)

    /// The alert to send to the peer for this failure.
    public var alert: AlertDescription {
        switch self {
        case .recordOverflow: return .recordOverflow
        case .badRecordMAC: return .badRecordMAC
        case .unexpectedMessage: return .unexpectedMessage
        case .decodeError: return .decodeError
        case .sequenceNumberExhausted, .invalidArgument: return .internalError
        }
    }

    public var description: String {
        switch self {
        case let .recordOverflow(length, maximum): return "record of \(length) bytes exceeds the maximum of \(maximum)"
        case .badRecordMAC: return "record authentication failed"
        case let .unexpectedMessage(reason): return "unexpected message: \(reason)"
        case let .decodeError(reason): return "malformed record: \(reason)"
        case .sequenceNumberExhausted: return "record sequence number exhausted"
        case let .invalidArgument(reason): return reason
        }
    }
}
