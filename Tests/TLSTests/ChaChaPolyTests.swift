import Testing
@testable import TLS

/// RFC 8439 vectors: §2.3.2 block function, §2.4.2 encryption, §2.5.2 and Appendix A.3 #5–#9 Poly1305
/// (the final-reduction edge cases), §2.6.2 key generation, §2.8.2 AEAD; plus tamper and length checks.
struct ChaChaPolyTests {
    static let sunscreen = Array(
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
            .utf8)

    @Test func blockFunction() throws {
        let cipher = try ChaCha20(key: Array(0..<32), nonce: hex("000000090000004a00000000"))
        #expect(hexString(cipher.block(counter: 1)) == "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4ed2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e")
    }

    @Test func encryption() throws {
        let cipher = try ChaCha20(key: Array(0..<32), nonce: hex("000000000000004a00000000"))
        let ciphertext = try cipher.xor(Self.sunscreen, counter: 1)
        #expect(hexString(ciphertext) == "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d")
        #expect(try cipher.xor(ciphertext, counter: 1) == Self.sunscreen)
    }

    @Test func poly1305Section252() throws {
        let key = hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
        let tag = try Poly1305.authenticationCode(for: Array("Cryptographic Forum Research Group".utf8), key: key)
        #expect(hexString(tag) == "a8061dc1305136c6c22b8baf0c0127a9")
    }

    struct PolyCase: Sendable, CustomTestStringConvertible {
        let name: String, key: String, message: String, tag: String
        var testDescription: String { name }
    }

    static let polyEdgeCases: [PolyCase] = [
        PolyCase(name: "A.3 #5", key: "02" + String(repeating: "00", count: 31), message: String(repeating: "ff", count: 16),
                 tag: "03000000000000000000000000000000"),
        PolyCase(name: "A.3 #6", key: "02" + String(repeating: "00", count: 15) + String(repeating: "ff", count: 16),
                 message: "02" + String(repeating: "00", count: 15), tag: "03000000000000000000000000000000"),
        PolyCase(name: "A.3 #7", key: "01" + String(repeating: "00", count: 31),
                 message: String(repeating: "ff", count: 16) + "f0" + String(repeating: "ff", count: 15) + "11" + String(repeating: "00", count: 15),
                 tag: "05000000000000000000000000000000"),
        PolyCase(name: "A.3 #8", key: "01" + String(repeating: "00", count: 31),
                 message: String(repeating: "ff", count: 16) + "fb" + String(repeating: "fe", count: 15) + String(repeating: "01", count: 16),
                 tag: "00000000000000000000000000000000"),
        PolyCase(name: "A.3 #9", key: "02" + String(repeating: "00", count: 31), message: "fd" + String(repeating: "ff", count: 15),
                 tag: "faffffffffffffffffffffffffffffff"),
    ]

    @Test(arguments: polyEdgeCases)
    func poly1305EdgeCases(_ c: PolyCase) throws {
        #expect(hexString(try Poly1305.authenticationCode(for: hex(c.message), key: hex(c.key))) == c.tag)
    }

    /// Streaming in odd pieces equals one-shot.
    @Test func poly1305Streaming() throws {
        let key = hex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
        let message = Self.sunscreen
        var mac = try Poly1305(key: key)
        var i = 0, step = 1
        while i < message.count {
            let n = min(step, message.count - i)
            mac.update(Array(message[i..<(i + n)]))
            i += n
            step += 3
        }
        #expect(mac.finalize() == (try Poly1305.authenticationCode(for: message, key: key)))
    }

    @Test func aeadSection282() throws {
        let aead = try ChaChaPoly(key: Array(0x80...0x9f))
        let nonce = hex("070000004041424344454647"), aad = hex("50515253c0c1c2c3c4c5c6c7")
        let sealed = try aead.seal(Self.sunscreen, nonce: nonce, authenticating: aad)
        #expect(hexString(sealed) == "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691")
        #expect(try aead.open(sealed, nonce: nonce, authenticating: aad) == Self.sunscreen)

        var flipped = sealed
        flipped[5] ^= 1
        #expect(throws: CryptoError.authenticationFailure) { try aead.open(flipped, nonce: nonce, authenticating: aad) }
        var badTag = sealed
        badTag[badTag.count - 1] ^= 0x80
        #expect(throws: CryptoError.authenticationFailure) { try aead.open(badTag, nonce: nonce, authenticating: aad) }
        #expect(throws: CryptoError.authenticationFailure) { try aead.open(sealed, nonce: nonce, authenticating: [1]) }
        #expect(throws: CryptoError.invalidLength(what: "ChaCha20-Poly1305 sealed box", expected: 16, actual: 15)) {
            try aead.open(Array(sealed[0..<15]), nonce: nonce, authenticating: aad)
        }
    }

    @Test func emptyPlaintextRoundTrips() throws {
        let aead = try ChaChaPoly(key: [UInt8](repeating: 7, count: 32))
        let nonce = [UInt8](repeating: 1, count: 12)
        let sealed = try aead.seal([], nonce: nonce, authenticating: [9, 9])
        #expect(sealed.count == 16)
        #expect(try aead.open(sealed, nonce: nonce, authenticating: [9, 9]) == [])
    }

    @Test func rejectsBadKeyAndNonceLengths() {
        #expect(throws: CryptoError.invalidLength(what: "ChaCha20-Poly1305 key", expected: 32, actual: 16)) {
            try ChaChaPoly(key: [UInt8](repeating: 0, count: 16))
        }
        #expect(throws: CryptoError.invalidLength(what: "ChaCha20 nonce", expected: 12, actual: 8)) {
            try ChaChaPoly(key: [UInt8](repeating: 0, count: 32)).seal([1], nonce: [UInt8](repeating: 0, count: 8), authenticating: [])
        }
    }
}
