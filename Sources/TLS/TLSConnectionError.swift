/// Why a TLS connection failed, with the alert we send the peer (`alert`) when we are the ones refusing.
public enum TLSConnectionError: Error, Equatable, Sendable, CustomStringConvertible {
    case record(RecordError)
    case certificate(CertificateError)
    /// The peer sent a fatal alert.
    case alertReceived(AlertDescription)
    /// The peer broke the handshake protocol (message order, values it may not choose, bad signatures).
    case handshake(AlertDescription, String)
    /// The connection is closed or failed; nothing more can be sent or received.
    case closed

    public var alert: AlertDescription? {
        switch self {
        case let .record(e): return e.alert
        case let .certificate(e):
            switch e {
            case .expired: return .certificateExpired
            case .unknownAuthority: return .unknownCA
            case .emptyChain: return .decodeError
            default: return .badCertificate
            }
        case let .handshake(alert, _): return alert
        case .alertReceived, .closed: return nil
        }
    }

    public var description: String {
        switch self {
        case let .record(e): return "TLS record: \(e)"
        case let .certificate(e): return "TLS certificate: \(e)"
        case let .alertReceived(a): return "TLS peer sent alert \(a)"
        case let .handshake(a, reason): return "TLS handshake (\(a)): \(reason)"
        case .closed: return "TLS connection closed"
        }
    }
}
