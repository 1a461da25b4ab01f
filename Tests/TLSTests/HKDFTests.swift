import Testing
@testable import TLS

/// RFC 5869 Appendix A test cases 1–3 (SHA-256), plus the bound on output length.
struct HKDFTests {
    @Test func case1() throws {
        let prk = HKDF<SHA256>.extract(salt: hex("000102030405060708090a0b0c"), ikm: [UInt8](repeating: 0x0b, count: 22))
        #expect(hexString(prk) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let okm = try HKDF<SHA256>.expand(prk: prk, info: hex("f0f1f2f3f4f5f6f7f8f9"), length: 42)
        #expect(hexString(okm) == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
    }

    @Test func case2LongInputs() throws {
        let ikm = Array(UInt8(0x00)...UInt8(0x4f))
        let salt = Array(UInt8(0x60)...UInt8(0xaf))
        let info = Array(UInt8(0xb0)...UInt8(0xff))
        let prk = HKDF<SHA256>.extract(salt: salt, ikm: ikm)
        #expect(hexString(prk) == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244")
        let okm = try HKDF<SHA256>.expand(prk: prk, info: info, length: 82)
        #expect(hexString(okm) == "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87")
    }

    @Test func case3EmptySaltAndInfo() throws {
        let prk = HKDF<SHA256>.extract(salt: [UInt8](), ikm: [UInt8](repeating: 0x0b, count: 22))
        #expect(hexString(prk) == "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04")
        let okm = try HKDF<SHA256>.expand(prk: prk, info: [UInt8](), length: 42)
        #expect(hexString(okm) == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
    }

    @Test func rejectsOverlongOutput() {
        #expect(throws: CryptoError.outputTooLong(requested: 255 * 32 + 1, maximum: 255 * 32)) {
            try HKDF<SHA256>.expand(prk: [UInt8](repeating: 1, count: 32), info: [UInt8](), length: 255 * 32 + 1)
        }
    }
}
