import Testing
@testable import TLS

/// Values holding keys must not print them (`description`, `debugDescription`, `dump`).
struct RedactionTests {
    @Test func keyHoldersDoNotPrintKeys() throws {
        let key = [UInt8](repeating: 0xab, count: 32)
        let values: [Any] = [
            try AES(key: key), try AESGCM(key: key), try ChaChaPoly(key: key),
            try ChaCha20(key: key, nonce: [UInt8](repeating: 0, count: 12)), try Poly1305(key: key),
            HMAC<SHA256>(key: key), KeySchedule(suite: .aes128GCMSHA256),
            try RecordProtection(suite: .chacha20Poly1305SHA256, trafficSecret: key),
        ]
        for value in values {
            var dumped = ""
            dump(value, to: &dumped)
            for text in [String(describing: value), String(reflecting: value), dumped] {
                #expect(text.contains("redacted"))
                #expect(!text.contains("171")) // 0xab
            }
        }
    }

    @Test func hugePaddingIsAnErrorNotATrap() throws {
        var writer = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: [UInt8](repeating: 1, count: 32))
        #expect(throws: RecordError.recordOverflow(length: Int.max, maximum: 16_384)) {
            try writer.protect([1, 2, 3], type: .applicationData, padding: Int.max)
        }
    }
}
