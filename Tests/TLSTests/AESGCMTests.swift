import Testing
@testable import TLS

/// FIPS 197 Appendix C block vectors and the GCM specification test cases 1–6 (AES-128) and 13–16
/// (AES-256) published with NIST SP 800-38D (McGrew & Viega), including the 8- and 60-byte IV cases.
struct AESGCMTests {
    @Test func fips197AppendixC() throws {
        let plaintext = hex("00112233445566778899aabbccddeeff")
        #expect(hexString(try AES(key: Array(0..<16)).encrypt(block: plaintext)) == "69c4e0d86a7b0430d8cdb78070b4c55a")
        #expect(hexString(try AES(key: Array(0..<32)).encrypt(block: plaintext)) == "8ea2b7ca516745bfeafc49904b496089")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String, key: String, iv: String, plaintext: String, aad: String, ciphertext: String, tag: String
        var testDescription: String { name }
    }

    static let k = "feffe9928665731c6d6a8f9467308308"
    static let p = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
    static let p60 = String(p.prefix(120))
    static let a = "feedfacedeadbeeffeedfacedeadbeefabaddad2"
    static let c3 = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985"
    static let c15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"

    static let cases: [Case] = [
        Case(name: "TC1", key: String(repeating: "00", count: 16), iv: String(repeating: "00", count: 12), plaintext: "", aad: "",
             ciphertext: "", tag: "58e2fccefa7e3061367f1d57a4e7455a"),
        Case(name: "TC2", key: String(repeating: "00", count: 16), iv: String(repeating: "00", count: 12),
             plaintext: String(repeating: "00", count: 16), aad: "",
             ciphertext: "0388dace60b6a392f328c2b971b2fe78", tag: "ab6e47d42cec13bdf53a67b21257bddf"),
        Case(name: "TC3", key: k, iv: "cafebabefacedbaddecaf888", plaintext: p, aad: "", ciphertext: c3,
             tag: "4d5c2af327cd64a62cf35abd2ba6fab4"),
        Case(name: "TC4", key: k, iv: "cafebabefacedbaddecaf888", plaintext: p60, aad: a, ciphertext: String(c3.prefix(120)),
             tag: "5bc94fbc3221a5db94fae95ae7121a47"),
        Case(name: "TC5 (64-bit IV)", key: k, iv: "cafebabefacedbad", plaintext: p60, aad: a,
             ciphertext: "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
             tag: "3612d2e79e3b0785561be14aaca2fccb"),
        Case(name: "TC6 (60-byte IV)", key: k,
             iv: "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
             plaintext: p60, aad: a,
             ciphertext: "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
             tag: "619cc5aefffe0bfa462af43c1699d050"),
        Case(name: "TC13", key: String(repeating: "00", count: 32), iv: String(repeating: "00", count: 12), plaintext: "", aad: "",
             ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        Case(name: "TC14", key: String(repeating: "00", count: 32), iv: String(repeating: "00", count: 12),
             plaintext: String(repeating: "00", count: 16), aad: "",
             ciphertext: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        Case(name: "TC15", key: k + k, iv: "cafebabefacedbaddecaf888", plaintext: p, aad: "", ciphertext: c15,
             tag: "b094dac5d93471bdec1a502270e3cc6c"),
        Case(name: "TC16", key: k + k, iv: "cafebabefacedbaddecaf888", plaintext: p60, aad: a, ciphertext: String(c15.prefix(120)),
             tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
    ]

    @Test(arguments: cases)
    func gcmSpecVectors(_ c: Case) throws {
        let gcm = try AESGCM(key: hex(c.key))
        let sealed = try gcm.seal(hex(c.plaintext), nonce: hex(c.iv), authenticating: hex(c.aad))
        #expect(hexString(sealed) == c.ciphertext + c.tag)
        #expect(try gcm.open(sealed, nonce: hex(c.iv), authenticating: hex(c.aad)) == hex(c.plaintext))
        var forged = sealed
        forged[forged.count - 16] ^= 1
        #expect(throws: CryptoError.authenticationFailure) {
            try gcm.open(forged, nonce: hex(c.iv), authenticating: hex(c.aad))
        }
    }

    @Test func tamperedCiphertextOrAadIsRejected() throws {
        let gcm = try AESGCM(key: hex(Self.k))
        let nonce = hex("cafebabefacedbaddecaf888")
        let sealed = try gcm.seal(hex(Self.p60), nonce: nonce, authenticating: hex(Self.a))
        var flipped = sealed
        flipped[59] ^= 0x40
        #expect(throws: CryptoError.authenticationFailure) { try gcm.open(flipped, nonce: nonce, authenticating: hex(Self.a)) }
        #expect(throws: CryptoError.authenticationFailure) { try gcm.open(sealed, nonce: nonce, authenticating: []) }
        #expect(throws: CryptoError.authenticationFailure) {
            try gcm.open(sealed, nonce: hex("cafebabefacedbaddecaf889"), authenticating: hex(Self.a))
        }
    }

    @Test func rejectsBadLengths() throws {
        #expect(throws: CryptoError.invalidLength(what: "AES-GCM key", expected: 16, actual: 24)) {
            try AESGCM(key: [UInt8](repeating: 0, count: 24))
        }
        let gcm = try AESGCM(key: [UInt8](repeating: 0, count: 16))
        #expect(throws: CryptoError.invalidLength(what: "AES-GCM nonce", expected: 12, actual: 0)) {
            try gcm.seal([1, 2, 3], nonce: [], authenticating: [])
        }
        #expect(throws: CryptoError.invalidLength(what: "AES-GCM sealed box", expected: 16, actual: 3)) {
            try gcm.open([1, 2, 3], nonce: [UInt8](repeating: 0, count: 12), authenticating: [])
        }
        #expect(throws: CryptoError.invalidLength(what: "AES block", expected: 16, actual: 15)) {
            try AES(key: [UInt8](repeating: 0, count: 16)).encrypt(block: [UInt8](repeating: 0, count: 15))
        }
    }
}
