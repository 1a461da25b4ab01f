/// The TLS 1.3 cipher suites we implement (RFC 8446 §B.4): AEAD, key length and the key-schedule hash.
public enum CipherSuite: UInt16, Sendable, CaseIterable, CustomStringConvertible {
    case aes128GCMSHA256 = 0x1301
    case aes256GCMSHA384 = 0x1302
    case chacha20Poly1305SHA256 = 0x1303

    public var keyLength: Int {
        switch self {
        case .aes128GCMSHA256: return 16
        case .aes256GCMSHA384, .chacha20Poly1305SHA256: return 32
        }
    }

    public var hashLength: Int { self == .aes256GCMSHA384 ? SHA384.digestSize : SHA256.digestSize }

    public var description: String {
        switch self {
        case .aes128GCMSHA256: return "TLS_AES_128_GCM_SHA256"
        case .aes256GCMSHA384: return "TLS_AES_256_GCM_SHA384"
        case .chacha20Poly1305SHA256: return "TLS_CHACHA20_POLY1305_SHA256"
        }
    }

    public func makeAEAD(key: [UInt8]) throws(CryptoError) -> any AEAD {
        switch self {
        case .aes128GCMSHA256, .aes256GCMSHA384:
            guard key.count == keyLength else { throw .invalidLength(what: "\(self) key", expected: keyLength, actual: key.count) }
            return try AESGCM(key: key)
        case .chacha20Poly1305SHA256:
            return try ChaChaPoly(key: key)
        }
    }

    /// HKDF-Expand-Label(secret, label, context, length) with this suite's hash.
    public func expandLabel(secret: [UInt8], label: String, context: [UInt8] = [], length: Int) throws(CryptoError) -> [UInt8] {
        switch self {
        case .aes256GCMSHA384: return try HKDF<SHA384>.expandLabel(secret: secret, label: label, context: context, length: length)
        case .aes128GCMSHA256, .chacha20Poly1305SHA256:
            return try HKDF<SHA256>.expandLabel(secret: secret, label: label, context: context, length: length)
        }
    }

    /// The write key and IV for a traffic secret (RFC 8446 §7.3).
    public func trafficKeys(secret: [UInt8]) throws(CryptoError) -> (key: [UInt8], iv: [UInt8]) {
        guard secret.count == hashLength else {
            throw .invalidLength(what: "\(self) traffic secret", expected: hashLength, actual: secret.count)
        }
        return (try expandLabel(secret: secret, label: "key", length: keyLength),
                try expandLabel(secret: secret, label: "iv", length: 12))
    }
}
