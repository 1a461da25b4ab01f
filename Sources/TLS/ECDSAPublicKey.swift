/// An ECDSA public key on P-256 or P-384, verifying signatures as FIPS 186-4 §6.4 / SEC 1 §4.1.4
/// describe: the server's CertificateVerify (ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384) and
/// certificate signatures (ecdsa-with-SHA256/384). Verification only; nothing here is secret.
public struct ECDSAPublicKey: Sendable {
    public enum Curve: Sendable, CustomStringConvertible {
        case p256, p384
        public var description: String { self == .p256 ? "P-256" : "P-384" }
        var parameters: EllipticCurve { self == .p256 ? .p256 : .p384 }
    }

    public let curve: Curve
    private let point: JacobianPoint

    /// Parses an uncompressed SEC 1 point (0x04 ‖ X ‖ Y), as found in a certificate's subjectPublicKey,
    /// and checks that it lies on the curve (which also rules out the point at infinity).
    public init(curve: Curve, x963Representation bytes: [UInt8]) throws(CryptoError) {
        let c = curve.parameters
        let expected = 1 + 2 * c.byteCount
        guard bytes.count == expected else {
            throw .invalidLength(what: "\(curve) public key", expected: expected, actual: bytes.count)
        }
        guard bytes[0] == 0x04 else { throw .invalidPublicKey("\(curve) public key is not an uncompressed point (first byte \(bytes[0]))") }
        guard let x = c.field.limbs(bigEndian: bytes[1...c.byteCount]),
              let y = c.field.limbs(bigEndian: bytes[(1 + c.byteCount)...]),
              c.field.isReduced(x), c.field.isReduced(y)
        else { throw .invalidPublicKey("\(curve) public key coordinate is not below the field prime") }
        let mx = c.field.toMontgomery(x), my = c.field.toMontgomery(y)
        guard c.isOnCurve(x: mx, y: my) else { throw .invalidPublicKey("point is not on \(curve)") }
        self.curve = curve
        self.point = JacobianPoint(x: mx, y: my, z: c.field.one)
    }

    /// Verifies the signature (r, s), given as big-endian integers, over `digest` (the message hash; it is
    /// truncated to the order's bit length as the standard requires). Returns false for any invalid signature.
    public func isValidSignature(r rBytes: [UInt8], s sBytes: [UInt8], digest: [UInt8]) -> Bool {
        let c = curve.parameters
        let n = c.order
        guard let r = n.limbs(bigEndian: rBytes[...]), let s = n.limbs(bigEndian: sBytes[...]),
              !MontgomeryField.isZero(r), !MontgomeryField.isZero(s), n.isReduced(r), n.isReduced(s)
        else { return false }
        // e = leftmost bitlen(n) bits of the digest; both curves' orders are whole bytes long.
        guard let eRaw = n.limbs(bigEndian: digest.prefix(c.byteCount)) else { return false }
        let e = n.reduceOnce(eRaw)
        let w = n.inverse(n.toMontgomery(s))
        let u1 = n.fromMontgomery(n.mul(n.toMontgomery(e), w))
        let u2 = n.fromMontgomery(n.mul(n.toMontgomery(r), w))
        let sum = c.doubleScalarMultiply(u1: u1, u2: u2, q: point)
        guard let x = sum.affineX(c.field) else { return false }
        return n.reduceOnce(x) == r
    }

    /// Verifies a DER-encoded `Ecdsa-Sig-Value` (RFC 5480 §2.2.3 / RFC 8446 §4.2.3), strictly encoded.
    public func isValidSignature(derEncoded signature: [UInt8], digest: [UInt8]) -> Bool {
        guard let (r, s) = try? ECDSASignature.parseDER(signature) else { return false }
        return isValidSignature(r: r, s: s, digest: digest)
    }
}
