import Testing
@testable import TLS

/// RFC 7748 §5.2 (two single vectors, 1 and 1000 iterations) and §6.1 (Alice/Bob Diffie-Hellman).
struct X25519Tests {
    @Test func rfc7748Section5Vector1() throws {
        let out = try X25519.scalarMultiply(
            scalar: hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
            uCoordinate: hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
        #expect(hexString(out) == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")
    }

    /// The u-coordinate has bit 255 set, which must be ignored.
    @Test func rfc7748Section5Vector2() throws {
        let out = try X25519.scalarMultiply(
            scalar: hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
            uCoordinate: hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))
        #expect(hexString(out) == "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")
    }

    @Test func rfc7748Iterated() throws {
        var k = [UInt8](repeating: 0, count: 32)
        k[0] = 9
        var u = k
        for i in 1...1000 {
            let r = try X25519.scalarMultiply(scalar: k, uCoordinate: u)
            u = k
            k = r
            if i == 1 { #expect(hexString(k) == "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079") }
        }
        #expect(hexString(k) == "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
    }

    @Test func rfc7748DiffieHellman() throws {
        let alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        let bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
        let alicePublic = try X25519.publicKey(privateKey: alice)
        let bobPublic = try X25519.publicKey(privateKey: bob)
        #expect(hexString(alicePublic) == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        #expect(hexString(bobPublic) == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        let shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"
        #expect(hexString(try X25519.sharedSecret(privateKey: alice, peerPublicKey: bobPublic)) == shared)
        #expect(hexString(try X25519.sharedSecret(privateKey: bob, peerPublicKey: alicePublic)) == shared)
    }

    @Test func generatedKeysAgree() throws {
        let a = X25519.generatePrivateKey(), b = X25519.generatePrivateKey()
        let ab = try X25519.sharedSecret(privateKey: a, peerPublicKey: try X25519.publicKey(privateKey: b))
        let ba = try X25519.sharedSecret(privateKey: b, peerPublicKey: try X25519.publicKey(privateKey: a))
        #expect(ab == ba)
    }

    /// u = 0 and u = 1 are small-order points: the shared secret is all zero and must be refused.
    @Test(arguments: [0, 1])
    func rejectsSmallOrderPoints(u: UInt8) {
        var point = [UInt8](repeating: 0, count: 32)
        point[0] = u
        #expect(throws: CryptoError.weakPublicKey) {
            try X25519.sharedSecret(privateKey: X25519.generatePrivateKey(), peerPublicKey: point)
        }
    }

    /// u = p (non-canonical zero) reduces to 0 as well.
    @Test func nonCanonicalInputIsReduced() {
        let p = hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")
        #expect(throws: CryptoError.weakPublicKey) {
            try X25519.sharedSecret(privateKey: X25519.generatePrivateKey(), peerPublicKey: p)
        }
    }

    @Test func rejectsWrongLengths() {
        #expect(throws: CryptoError.invalidLength(what: "X25519 u-coordinate", expected: 32, actual: 31)) {
            try X25519.sharedSecret(privateKey: X25519.generatePrivateKey(), peerPublicKey: [UInt8](repeating: 9, count: 31))
        }
        #expect(throws: CryptoError.invalidLength(what: "X25519 scalar", expected: 32, actual: 0)) {
            try X25519.publicKey(privateKey: [])
        }
    }
}
