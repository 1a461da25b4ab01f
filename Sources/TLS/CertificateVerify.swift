/// The TLS 1.3 CertificateVerify message (RFC 8446 §4.4.3) and its check: the peer signs
/// 64 spaces ‖ context string ‖ 0 ‖ Transcript-Hash(… Certificate) with its certificate key.
public struct CertificateVerify: Sendable {
    public let scheme: SignatureScheme
    public let signature: [UInt8]

    public init(body: ArraySlice<UInt8>) throws(RecordError) {
        var r = TLSByteReader(body)
        scheme = SignatureScheme(rawValue: try r.u16("CertificateVerify algorithm"))
        signature = Array(try r.vector(lengthBytes: 2, "CertificateVerify signature"))
        try r.finish("CertificateVerify")
    }

    /// The signed content for a server (or, with `server: false`, a client) CertificateVerify.
    public static func signedContent(transcriptHash: [UInt8], server: Bool) -> [UInt8] {
        let context = server ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify"
        return [UInt8](repeating: 0x20, count: 64) + Array(context.utf8) + [0] + transcriptHash
    }

    /// Whether the signature is valid for `key` under this message's scheme. A scheme that does not fit the
    /// key type (or that TLS 1.3 forbids here, such as PKCS #1 v1.5) is false.
    public func isValid(for key: SubjectPublicKeyInfo, transcriptHash: [UInt8], server: Bool = true) -> Bool {
        let content = Self.signedContent(transcriptHash: transcriptHash, server: server)
        switch (scheme, key) {
        case let (.ecdsaSecp256r1SHA256, .ecdsa(k)) where k.curve == .p256:
            return k.isValidSignature(derEncoded: signature, digest: SHA256.hash(content))
        case let (.ecdsaSecp384r1SHA384, .ecdsa(k)) where k.curve == .p384:
            return k.isValidSignature(derEncoded: signature, digest: SHA384.hash(content))
        case let (.rsaPSSRSAESHA256, .rsa(k)):
            return k.isValidPSSSignature(signature, digest: SHA256.hash(content), hash: .sha256)
        case let (.rsaPSSRSAESHA384, .rsa(k)):
            return k.isValidPSSSignature(signature, digest: SHA384.hash(content), hash: .sha384)
        case let (.rsaPSSRSAESHA512, .rsa(k)):
            return k.isValidPSSSignature(signature, digest: SHA512.hash(content), hash: .sha512)
        default:
            return false
        }
    }
}
