/// The TLS record content types (RFC 8446 §5.1, B.1). `invalid` (0) only appears as an error case.
public enum ContentType: UInt8, Sendable, CustomStringConvertible {
    case changeCipherSpec = 20
    case alert = 21
    case handshake = 22
    case applicationData = 23

    public var description: String {
        switch self {
        case .changeCipherSpec: return "change_cipher_spec"
        case .alert: return "alert"
        case .handshake: return "handshake"
        case .applicationData: return "application_data"
        }
    }
}
