import Testing
@testable import TLS

/// The strict DER reader (X.690) and SubjectPublicKeyInfo parsing: the Wycheproof RSA keyDer and
/// P-256/P-384 keys of RFC 6979 A.2.5/A.2.6 (encoded by OpenSSL) must yield keys that verify those
/// sources' signatures; malformed encodings fail with an offset.
struct DERTests {
    static let rsaSPKI = "30820122300d06092a864886f70d01010105000382010f003082010a0282010100a2b451a07d0aa5f96e455671513550514a8a5b462ebef717094fa1fee82224e637f9746d3f7cafd31878d80325b6ef5a1700f65903b469429e89d6eac8845097b5ab393189db92512ed8a7711a1253facd20f79c15e8247f3d3e42e46e48c98e254a2fe9765313a03eff8f17e1a029397a1fa26a8dce26f490ed81299615d9814c22da610428e09c7d9658594266f5c021d0fceca08d945a12be82de4d1ece6b4c03145b5d3495d4ed5411eb878daf05fd7afc3e09ada0f1126422f590975a1969816f48698bcbba1b4d9cae79d460d8f9f85e7975005d9bc22c4e5ac0f7c1a45d12569a62807d3b9a02e5a530e773066f453d1f5b4c2e9cf7820283f742b9d50203010001"
    static let p256SPKI = "3059301306072a8648ce3d020106082a8648ce3d0301070342000460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299"
    static let p384SPKI = "3076301006072a8648ce3d020106052b8104002203620004ec3a4e415b4e19a4568618029f427fa5da9a8bc4ae92e02e06aae5286b300c64def8f0ea9055866064a254515480bc138015d9b72d7d57244ea8ef9ac0c621896708a59367f9dfb9f54ca84b3f1c9db1288b231c3ae0d4fe7344fd2533264720"

    @Test func rsaKeyFromSPKIVerifies() throws {
        guard case let .rsa(key) = try SubjectPublicKeyInfo(der: hex(Self.rsaSPKI)) else {
            Issue.record("expected an RSA key")
            return
        }
        #expect(key.modulusBits == 2048)
        let sig = hex(RSATests.pkcs1Cases[0].sig)
        #expect(key.isValidPKCS1v15Signature(sig, digest: SHA256.hash([UInt8]()), hash: .sha256))
    }

    @Test func ecKeysFromSPKIVerify() throws {
        guard case let .ecdsa(p256) = try SubjectPublicKeyInfo(der: hex(Self.p256SPKI)),
              case let .ecdsa(p384) = try SubjectPublicKeyInfo(der: hex(Self.p384SPKI))
        else {
            Issue.record("expected EC keys")
            return
        }
        #expect(p256.curve == .p256 && p384.curve == .p384)
        let c256 = ECDSATests.cases[0], c384 = ECDSATests.cases[3]
        #expect(p256.isValidSignature(r: hex(c256.r), s: hex(c256.s), digest: c256.digest()))
        #expect(p384.isValidSignature(r: hex(c384.r), s: hex(c384.s), digest: c384.digest()))
    }

    @Test func unsupportedAlgorithmIsNamed() {
        let ed25519 = hex("302a300506032b65700321003b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29")
        #expect(throws: DERError(offset: 0, "unsupported public key algorithm 1.3.101.112")) { try SubjectPublicKeyInfo(der: ed25519) }
    }

    @Test func objectIdentifiersAndIntegers() throws {
        var r = DERReader(hex("06092a864886f70d01010b 020100 02020080 0101ff 0500"))
        #expect(try r.readObjectIdentifier() == "1.2.840.113549.1.1.11")
        #expect(try r.readSmallInteger() == 0)
        #expect(try r.readUnsignedInteger() == [0x80])
        #expect(try r.readBoolean())
        try r.readNull()
        try r.finish()
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String, bytes: String, error: DERError
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "indefinite length", bytes: "3080 0000", error: DERError(offset: 1, "indefinite length is not DER")),
        Bad(name: "non-minimal long length", bytes: "30 8101 00", error: DERError(offset: 1, "non-minimal length")),
        Bad(name: "length with leading zero", bytes: "30 820080" + String(repeating: "00", count: 128), error: DERError(offset: 1, "non-minimal length")),
        Bad(name: "overrun", bytes: "3005 0201", error: DERError(offset: 0, "element of 5 bytes overruns its container (2 left)")),
        Bad(name: "multi-byte tag", bytes: "1f8101 00", error: DERError(offset: 0, "multi-byte tags are not supported")),
        Bad(name: "truncated", bytes: "30", error: DERError(offset: 1, "missing length")),
    ]

    @Test(arguments: bad)
    func malformedLengthsAndTags(_ b: Bad) {
        var r = DERReader(hex(b.bytes))
        #expect(throws: b.error) { try r.read() }
    }

    @Test func malformedValues() {
        var r = DERReader(hex("0202007f"))
        #expect(throws: DERError(offset: 0, "non-minimal INTEGER")) { try r.readUnsignedInteger() }
        r = DERReader(hex("020180"))
        #expect(throws: DERError(offset: 0, "negative INTEGER")) { try r.readUnsignedInteger() }
        r = DERReader(hex("010101"))
        #expect(throws: DERError(offset: 0, "BOOLEAN must be 00 or FF")) { try r.readBoolean() }
        r = DERReader(hex("0603808001"))
        #expect(throws: DERError(offset: 0, "non-minimal OBJECT IDENTIFIER arc")) { try r.readObjectIdentifier() }
        r = DERReader(hex("030201ff"))
        #expect(throws: DERError(offset: 0, "BIT STRING with 1 unused bits where whole bytes are expected")) { try r.readBitStringBytes() }
        r = DERReader(hex("3003020100 00"))
        var seq = (try? r.enter()) ?? DERReader([])
        #expect(throws: DERError(offset: 5, "1 unexpected trailing bytes")) { try r.finish() }
        #expect((try? seq.readSmallInteger()) == 0)
        #expect(throws: DERError(offset: 0, "expected tag 0x30, found tag 0x2")) {
            var q = DERReader(hex("020100"))
            _ = try q.enter()
        }
    }
}
