/// TLS 1.3 handshake message types (RFC 8446 §4, B.3).
public enum HandshakeType: UInt8, Sendable, CustomStringConvertible {
    case clientHello = 1
    case serverHello = 2
    case newSessionTicket = 4
    case endOfEarlyData = 5
    case encryptedExtensions = 8
    case certificate = 11
    case certificateRequest = 13
    case certificateVerify = 15
    case finished = 20
    case keyUpdate = 24
    case messageHash = 254

    public var description: String {
        switch self {
        case .clientHello: return "ClientHello"
        case .serverHello: return "ServerHello"
        case .newSessionTicket: return "NewSessionTicket"
        case .endOfEarlyData: return "EndOfEarlyData"
        case .encryptedExtensions: return "EncryptedExtensions"
        case .certificate: return "Certificate"
        case .certificateRequest: return "CertificateRequest"
        case .certificateVerify: return "CertificateVerify"
        case .finished: return "Finished"
        case .keyUpdate: return "KeyUpdate"
        case .messageHash: return "message_hash"
        }
    }
}
