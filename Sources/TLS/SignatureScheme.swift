/// The TLS 1.3 signature schemes (RFC 8446 §4.2.3) we can verify in CertificateVerify.
public struct SignatureScheme: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let ecdsaSecp256r1SHA256 = Self(rawValue: 0x0403)
    public static let ecdsaSecp384r1SHA384 = Self(rawValue: 0x0503)
    public static let rsaPSSRSAESHA256 = Self(rawValue: 0x0804)
    public static let rsaPSSRSAESHA384 = Self(rawValue: 0x0805)
    public static let rsaPSSRSAESHA512 = Self(rawValue: 0x0806)

    /// What a client offers in signature_algorithms, preferred first.
    public static let supported: [Self] = [
        .ecdsaSecp256r1SHA256, .rsaPSSRSAESHA256, .ecdsaSecp384r1SHA384, .rsaPSSRSAESHA384, .rsaPSSRSAESHA512,
    ]

    public var description: String {
        switch self {
        case .ecdsaSecp256r1SHA256: return "ecdsa_secp256r1_sha256"
        case .ecdsaSecp384r1SHA384: return "ecdsa_secp384r1_sha384"
        case .rsaPSSRSAESHA256: return "rsa_pss_rsae_sha256"
        case .rsaPSSRSAESHA384: return "rsa_pss_rsae_sha384"
        case .rsaPSSRSAESHA512: return "rsa_pss_rsae_sha512"
        default: return "signature_scheme(0x\(String(rawValue, radix: 16)))"
        }
    }
}
