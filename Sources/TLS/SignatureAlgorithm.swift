/// Certificate signature algorithms (RFC 5280 §4.1.1.2; RFC 3279, 4055, 5758) that chain validation
/// can check. RSASSA-PSS certificate signatures (rare in WebPKI) are `unsupported` for now.
public enum SignatureAlgorithm: Equatable, Sendable, CustomStringConvertible {
    case rsaPKCS1(RSASignatureHash)
    case ecdsa(RSASignatureHash)
    case unsupported(String)

    init(oid: String) {
        switch oid {
        case "1.2.840.113549.1.1.11": self = .rsaPKCS1(.sha256)
        case "1.2.840.113549.1.1.12": self = .rsaPKCS1(.sha384)
        case "1.2.840.113549.1.1.13": self = .rsaPKCS1(.sha512)
        case "1.2.840.10045.4.3.2": self = .ecdsa(.sha256)
        case "1.2.840.10045.4.3.3": self = .ecdsa(.sha384)
        case "1.2.840.10045.4.3.4": self = .ecdsa(.sha512)
        default: self = .unsupported(oid)
        }
    }

    public var description: String {
        switch self {
        case let .rsaPKCS1(h): return "RSA PKCS#1 v1.5 with \(h)"
        case let .ecdsa(h): return "ECDSA with \(h)"
        case let .unsupported(oid): return "unsupported signature algorithm \(oid)"
        }
    }
}

extension SignatureAlgorithm {
    /// Whether `Certificate.isSigned(by:)` can check this algorithm.
    public var isSupported: Bool {
        if case .unsupported = self { return false }
        return true
    }
}
