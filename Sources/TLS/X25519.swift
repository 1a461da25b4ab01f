/// X25519 Diffie-Hellman (RFC 7748 §5, §6.1): the key exchange of every TLS 1.3 handshake we offer.
/// Montgomery ladder with constant-time conditional swaps; no secret-dependent branches or indices.
public enum X25519 {
    public static let keySize = 32

    /// A fresh random private key (the system CSPRNG: getrandom(2) on Linux).
    public static func generatePrivateKey() -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<keySize).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }

    /// The public key for `privateKey`: X25519(k, 9).
    public static func publicKey(privateKey: [UInt8]) throws(CryptoError) -> [UInt8] {
        var base = [UInt8](repeating: 0, count: 32)
        base[0] = 9
        return try scalarMultiply(scalar: privateKey, uCoordinate: base)
    }

    /// The shared secret with a peer; rejects the all-zero result from small-order points (RFC 8446 §7.4.2).
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) throws(CryptoError) -> [UInt8] {
        let shared = try scalarMultiply(scalar: privateKey, uCoordinate: peerPublicKey)
        var any: UInt8 = 0
        for byte in shared { any |= byte }
        guard any != 0 else { throw .weakPublicKey }
        return shared
    }

    /// The X25519 function itself: clamps `scalar` and multiplies the point with u-coordinate `uCoordinate`.
    public static func scalarMultiply(scalar: [UInt8], uCoordinate: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard scalar.count == keySize else { throw .invalidLength(what: "X25519 scalar", expected: 32, actual: scalar.count) }
        guard uCoordinate.count == keySize else {
            throw .invalidLength(what: "X25519 u-coordinate", expected: 32, actual: uCoordinate.count)
        }
        var k = scalar
        k[0] &= 248
        k[31] &= 127
        k[31] |= 64
        let x1 = uCoordinate.withUnsafeBytes { FieldElement25519(bytes: $0.baseAddress!) }
        var x2 = FieldElement25519.one, z2 = FieldElement25519.zero
        var x3 = x1, z3 = FieldElement25519.one
        var swap: UInt64 = 0
        for t in stride(from: 254, through: 0, by: -1) {
            let bit = UInt64((k[t >> 3] >> UInt8(t & 7)) & 1)
            swap ^= bit
            FieldElement25519.conditionalSwap(&x2, &x3, bit: swap)
            FieldElement25519.conditionalSwap(&z2, &z3, bit: swap)
            swap = bit
            let a = x2 + z2
            let aa = a.squared()
            let b = x2 - z2
            let bb = b.squared()
            let e = aa - bb
            let c = x3 + z3
            let d = x3 - z3
            let da = d * a
            let cb = c * b
            x3 = (da + cb).squared()
            z3 = x1 * (da - cb).squared()
            x2 = aa * bb
            z2 = e * (aa + e.times(121_665))
        }
        FieldElement25519.conditionalSwap(&x2, &x3, bit: swap)
        FieldElement25519.conditionalSwap(&z2, &z3, bit: swap)
        return (x2 * z2.inverted()).encoded()
    }
}
