import Testing
@testable import TLS

/// RFC 4231 §4 test cases 1, 2, 3, 4, 6, 7 for HMAC-SHA-256 and HMAC-SHA-384 (case 5 tests truncation only).
struct HMACTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        let sha256: String
        let sha384: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
             sha256: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
             sha384: "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6"),
        Case(name: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
             sha256: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
             sha384: "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649"),
        Case(name: "case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
             sha256: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
             sha384: "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27"),
        Case(name: "case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
             sha256: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
             sha384: "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb"),
        Case(name: "case 6", key: [UInt8](repeating: 0xaa, count: 131),
             data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             sha256: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
             sha384: "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952"),
        Case(name: "case 7", key: [UInt8](repeating: 0xaa, count: 131),
             data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                 + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
             sha256: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
             sha384: "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e"),
    ]

    @Test(arguments: cases)
    func rfc4231(_ c: Case) {
        #expect(hexString(HMAC<SHA256>.authenticationCode(for: c.data, key: c.key)) == c.sha256)
        #expect(hexString(HMAC<SHA384>.authenticationCode(for: c.data, key: c.key)) == c.sha384)
    }
}
