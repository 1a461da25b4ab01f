/// A parsed `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7) for the key types TLS certificates carry:
/// RSA (RFC 3279 §2.3.1) and EC on P-256/P-384 (RFC 5480).
public enum SubjectPublicKeyInfo: Sendable {
    case rsa(RSAPublicKey)
    case ecdsa(ECDSAPublicKey)

    static let rsaEncryption = "1.2.840.113549.1.1.1"
    static let ecPublicKey = "1.2.840.10045.2.1"
    static let secp256r1 = "1.2.840.10045.3.1.7"
    static let secp384r1 = "1.3.132.0.34"

    /// Parses a DER SubjectPublicKeyInfo. Unsupported algorithms and curves are errors that name them.
    public init(der: [UInt8]) throws(DERError) {
        var outer = DERReader(der)
        var spki = try outer.enter()
        try outer.finish()
        var algorithm = try spki.enter()
        let oid = try algorithm.readObjectIdentifier()
        let keyOffset = spki.position
        switch oid {
        case Self.rsaEncryption:
            try algorithm.readNull()
            try algorithm.finish()
            let keyBytes = try spki.readBitStringBytes()
            try spki.finish()
            var keyReader = DERReader(keyBytes)
            var rsa = try keyReader.enter()
            try keyReader.finish()
            let n = try rsa.readUnsignedInteger()
            let e = try rsa.readUnsignedInteger()
            try rsa.finish()
            do {
                self = .rsa(try RSAPublicKey(modulus: n, exponent: e))
            } catch {
                throw DERError(offset: keyOffset, "\(error)")
            }
        case Self.ecPublicKey:
            let curveOID = try algorithm.readObjectIdentifier()
            try algorithm.finish()
            let curve: ECDSAPublicKey.Curve
            switch curveOID {
            case Self.secp256r1: curve = .p256
            case Self.secp384r1: curve = .p384
            default: throw DERError(offset: keyOffset, "unsupported elliptic curve \(curveOID)")
            }
            let point = try spki.readBitStringBytes()
            try spki.finish()
            do {
                self = .ecdsa(try ECDSAPublicKey(curve: curve, x963Representation: point))
            } catch {
                throw DERError(offset: keyOffset, "\(error)")
            }
        default:
            throw DERError(offset: 0, "unsupported public key algorithm \(oid)")
        }
    }
}
