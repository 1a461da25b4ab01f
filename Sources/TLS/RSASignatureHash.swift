/// The hashes RSA signatures use in TLS 1.3 and in certificates (RFC 8446 §4.2.3, RFC 4055), with the
/// DigestInfo prefixes of PKCS #1 v1.5 (RFC 8017 §9.2 note 1).
public enum RSASignatureHash: Sendable, CustomStringConvertible {
    case sha256, sha384, sha512

    public var digestSize: Int {
        switch self {
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    public func hash(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: return SHA256.hash(bytes)
        case .sha384: return SHA384.hash(bytes)
        case .sha512: return SHA512.hash(bytes)
        }
    }

    /// DER of `DigestInfo { AlgorithmIdentifier { oid, NULL }, OCTET STRING (digest) }` up to the digest.
    var digestInfoPrefix: [UInt8] {
        let oidLast: UInt8, length: UInt8
        switch self {
        case .sha256: oidLast = 1; length = 0x31
        case .sha384: oidLast = 2; length = 0x41
        case .sha512: oidLast = 3; length = 0x51
        }
        return [0x30, length, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, oidLast,
                0x05, 0x00, 0x04, UInt8(digestSize)]
    }

    public var description: String {
        switch self {
        case .sha256: return "SHA-256"
        case .sha384: return "SHA-384"
        case .sha512: return "SHA-512"
        }
    }
}
