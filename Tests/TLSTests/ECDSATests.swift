import Testing
@testable import TLS

/// ECDSA verification: RFC 6979 Appendix A.2.5 (P-256) and A.2.6 (P-384) deterministic signatures,
/// including a digest longer (SHA-512 on P-256) and shorter (SHA-256 on P-384) than the order; the
/// degenerate keys 1 (Q = G) and n − 1 (Q = −G); and rejection of altered or malformed input.
struct ECDSATests {
    static let p256Key = "04" + "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
        + "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"
    static let p384Key = "04" + "ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a254515480bc13"
        + "8015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe7344fd2533264720"

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let curve: ECDSAPublicKey.Curve
        let key: String
        let digest: @Sendable () -> [UInt8]
        let r: String
        let s: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "P-256 SHA-256 sample", curve: .p256, key: p256Key, digest: { SHA256.hash(Array("sample".utf8)) },
             r: "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
             s: "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"),
        Case(name: "P-256 SHA-256 test", curve: .p256, key: p256Key, digest: { SHA256.hash(Array("test".utf8)) },
             r: "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
             s: "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"),
        Case(name: "P-256 SHA-512 sample (truncated digest)", curve: .p256, key: p256Key, digest: { SHA512.hash(Array("sample".utf8)) },
             r: "8496a60b5e9b47c825488827e0495b0e3fa109ec4568fd3f8d1097678eb97f00",
             s: "2362ab1adbe2b8adf9cb9edab740ea6049c028114f2460f96554f61fae3302fe"),
        Case(name: "P-384 SHA-384 sample", curve: .p384, key: p384Key, digest: { SHA384.hash(Array("sample".utf8)) },
             r: "94edbb92a5ecb8aad4736e56c691916b3f88140666ce9fa73d64c4ea95ad133c81a648152e44acf96e36dd1e80fabe46",
             s: "99ef4aeb15f178cea1fe40db2603138f130e740a19624526203b6351d0a3a94fa329c145786e679e7b82c71a38628ac8"),
        Case(name: "P-384 SHA-384 test", curve: .p384, key: p384Key, digest: { SHA384.hash(Array("test".utf8)) },
             r: "8203b63d3c853e8d77227fb377bcf7b7b772e97892a80f36ab775d509d7a5feb0542a7f0812998da8f1dd3ca3cf023db",
             s: "ddd0760448d42d8a43af45af836fce4de8be06b485e9b61b827c2f13173923e06a739f040649a667bf3b828246baa5a5"),
        Case(name: "P-384 SHA-256 sample (short digest)", curve: .p384, key: p384Key, digest: { SHA256.hash(Array("sample".utf8)) },
             r: "21b13d1e013c7fa1392d03c5f99af8b30c570c6f98d4ea8e354b63a21d3daa33bde1e888e63355d92fa2b3c36d8fb2cd",
             s: "f3aa443fb107745bf4bd77cb3891674632068a10ca67e3d45db2266fa7d1feebefdc63eccd1ac42ec0cb8668a4fa0ab0"),
        Case(name: "P-256 key 1 (Q = G)", curve: .p256,
             key: "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
             digest: { SHA256.hash(Array("sample".utf8)) },
             r: "0466341174d59e93eb984c2a7c923a80ab99a9e91555bc73ebd8073d4c722121",
             s: "998f2b7bb63082e976215e6ae46344d66d2d4edea67d65d91595f21311df5030"),
        Case(name: "P-256 key n-1 (Q = -G)", curve: .p256,
             key: "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296b01cbd1c01e58065711814b583f061e9d431cca994cea1313449bf97c840ae0a",
             digest: { SHA256.hash(Array("sample".utf8)) },
             r: "a2e09df104aafc802a50c6684f6db83355a0a2588585a778b311e7e6c7c600ce",
             s: "b783aa569666ddbb05d0a5b9ce18b2757b27e2f6a4b4b1a3e4b4ced21f4174b2"),
    ]

    @Test(arguments: cases)
    func verifiesAndRejectsTampering(_ c: Case) throws {
        let key = try ECDSAPublicKey(curve: c.curve, x963Representation: hex(c.key))
        let digest = c.digest()
        #expect(key.isValidSignature(r: hex(c.r), s: hex(c.s), digest: digest))
        var wrongDigest = digest
        wrongDigest[0] ^= 1
        #expect(!key.isValidSignature(r: hex(c.r), s: hex(c.s), digest: wrongDigest))
        #expect(!key.isValidSignature(r: hex(c.s), s: hex(c.r), digest: digest))
        var r = hex(c.r)
        r[r.count - 1] ^= 1
        #expect(!key.isValidSignature(r: r, s: hex(c.s), digest: digest))
    }

    @Test func derSignature() throws {
        let key = try ECDSAPublicKey(curve: .p256, x963Representation: hex(Self.p256Key))
        let digest = SHA256.hash(Array("test".utf8))
        let der = hex("3045022100f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d383670220019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083")
        #expect(key.isValidSignature(derEncoded: der, digest: digest))
        #expect(!key.isValidSignature(derEncoded: der + [0], digest: digest))
        #expect(throws: CryptoError.invalidSignatureEncoding("SEQUENCE length 69 does not match the 70 bytes present at byte 2")) {
            try ECDSASignature.parseDER(der + [0])
        }
        // A redundant leading zero on s (0x01 has its top bit clear).
        var padded = der
        padded[1] = 0x46
        padded[38] = 0x21
        padded.insert(0, at: 39)
        #expect(throws: CryptoError.invalidSignatureEncoding("non-minimal INTEGER at byte 39")) { try ECDSASignature.parseDER(padded) }
        #expect(throws: CryptoError.invalidSignatureEncoding("expected SEQUENCE at byte 0")) { try ECDSASignature.parseDER([]) }
        #expect(throws: CryptoError.invalidSignatureEncoding("bad INTEGER length at byte 4")) { try ECDSASignature.parseDER([0x30, 0x02, 0x02, 0x00]) }
    }

    @Test func outOfRangeScalarsAreRejected() throws {
        let key = try ECDSAPublicKey(curve: .p256, x963Representation: hex(Self.p256Key))
        let digest = SHA256.hash(Array("sample".utf8))
        let n = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        let s = hex("f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")
        #expect(!key.isValidSignature(r: [0], s: s, digest: digest))
        #expect(!key.isValidSignature(r: n, s: s, digest: digest))
        #expect(!key.isValidSignature(r: [1] + n, s: s, digest: digest))
        #expect(!key.isValidSignature(r: s, s: [], digest: digest))
    }

    @Test func malformedPublicKeysAreRejected() {
        var offCurve = hex(Self.p256Key)
        offCurve[64] ^= 1
        #expect(throws: CryptoError.invalidPublicKey("point is not on P-256")) {
            try ECDSAPublicKey(curve: .p256, x963Representation: offCurve)
        }
        var compressed = hex(Self.p256Key)
        compressed[0] = 0x02
        #expect(throws: CryptoError.invalidPublicKey("P-256 public key is not an uncompressed point (first byte 2)")) {
            try ECDSAPublicKey(curve: .p256, x963Representation: compressed)
        }
        #expect(throws: CryptoError.invalidLength(what: "P-384 public key", expected: 97, actual: 65)) {
            try ECDSAPublicKey(curve: .p384, x963Representation: hex(Self.p256Key))
        }
        let bigX = "04" + String(repeating: "ff", count: 32) + String(repeating: "00", count: 32)
        #expect(throws: CryptoError.invalidPublicKey("P-256 public key coordinate is not below the field prime")) {
            try ECDSAPublicKey(curve: .p256, x963Representation: hex(bigX))
        }
    }
}
