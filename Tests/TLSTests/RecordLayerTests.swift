import Testing
@testable import TLS

/// The TLS 1.3 record layer against the protected records of RFC 8448 §3: every record must
/// authenticate, decrypt to content consistent with the trace's transcript hashes, and re-encrypt to the
/// same bytes; plus framing, limits and tampering.
struct RecordLayerTests {
    static func record(_ text: String) throws -> Record {
        var reader = RecordReader()
        reader.append(hex(text))
        let record = try #require(try reader.next())
        #expect(reader.bufferedCount == 0)
        return record
    }

    static func clientApplicationSecret() throws -> [UInt8] {
        try HKDF<SHA256>.deriveSecret(
            secret: hex(RFC8448.masterSecret), label: "c ap traffic", transcriptHash: hex(RFC8448.applicationHash))
    }

    @Test func serverFlightDecryptsToTheTranscript() throws {
        var reader = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: hex(RFC8448.serverHandshakeTraffic))
        let (type, content) = try reader.unprotect(try Self.record(RFC8448.serverFlightRecord))
        #expect(type == .handshake)
        #expect(content.first == 0x08) // EncryptedExtensions comes first
        // ClientHello ‖ ServerHello ‖ this flight hashes to the value the trace uses for the application secrets.
        var transcript = SHA256()
        transcript.update(hex(RFC8448.clientHello))
        transcript.update(hex(RFC8448.serverHelloRecord).dropFirst(5))
        transcript.update(content)
        #expect(transcript.finalize() == hex(RFC8448.applicationHash))
        #expect(reader.sequenceNumber == 1)

        var writer = try RecordProtection(suite: .aes128GCMSHA256, key: hex(RFC8448.serverHandshakeKey), iv: hex(RFC8448.serverHandshakeIV))
        #expect(try writer.protect(content, type: .handshake) == hex(RFC8448.serverFlightRecord))
    }

    @Test func clientFinishedCarriesTheExpectedVerifyData() throws {
        var reader = try RecordProtection(suite: .aes128GCMSHA256, key: hex(RFC8448.clientHandshakeKey), iv: hex(RFC8448.clientHandshakeIV))
        let (type, content) = try reader.unprotect(try Self.record(RFC8448.clientFinishedRecord))
        #expect(type == .handshake)
        let finishedKey = try HKDF<SHA256>.expandLabel(
            secret: hex(RFC8448.clientHandshakeTraffic), label: "finished", context: [UInt8](), length: 32)
        let verifyData = HMAC<SHA256>.authenticationCode(for: hex(RFC8448.applicationHash), key: finishedKey)
        #expect(content == [0x14, 0x00, 0x00, 0x20] + verifyData)
    }

    @Test func applicationDataAndClosureAlerts() throws {
        let payload = Array(UInt8(0)..<50)
        var client = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: try Self.clientApplicationSecret())
        let data = try client.unprotect(try Self.record(RFC8448.clientApplicationRecord))
        #expect(data.type == .applicationData && data.content == payload)
        let alert = try client.unprotect(try Self.record(RFC8448.clientAlertRecord))
        #expect(alert.type == .alert)
        let parsed = try Alert(bytes: alert.content)
        #expect(parsed == Alert(level: .warning, description: .closeNotify) && parsed.isClosure)

        var clientWriter = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: try Self.clientApplicationSecret())
        #expect(try clientWriter.protect(payload, type: .applicationData) == hex(RFC8448.clientApplicationRecord))
        #expect(try clientWriter.protect(parsed.bytes, type: .alert) == hex(RFC8448.clientAlertRecord))

        // The server's application record is its second under these keys (the NewSessionTicket was first).
        var server = try RecordProtection(suite: .aes128GCMSHA256, key: hex(RFC8448.serverApplicationKey), iv: hex(RFC8448.serverApplicationIV))
        #expect(throws: RecordError.badRecordMAC) { try server.unprotect(try Self.record(RFC8448.serverApplicationRecord)) }
        var serverAtOne = try RecordProtection(suite: .aes128GCMSHA256, key: hex(RFC8448.serverApplicationKey), iv: hex(RFC8448.serverApplicationIV))
        _ = try? serverAtOne.protect([0], type: .handshake) // advance to sequence 1
        #expect(try serverAtOne.unprotect(try Self.record(RFC8448.serverApplicationRecord)).content == payload)
        let serverAlert = try serverAtOne.unprotect(try Self.record(RFC8448.serverAlertRecord))
        #expect(try Alert(bytes: serverAlert.content).alertDescription == .closeNotify)
    }

    @Test func tamperedRecordsFailWithBadRecordMAC() throws {
        var bytes = hex(RFC8448.clientFinishedRecord)
        bytes[20] ^= 0x01
        var reader = try RecordProtection(suite: .aes128GCMSHA256, key: hex(RFC8448.clientHandshakeKey), iv: hex(RFC8448.clientHandshakeIV))
        var framer = RecordReader()
        framer.append(bytes)
        let record = try #require(try framer.next())
        #expect(throws: RecordError.badRecordMAC) { try reader.unprotect(record) }
        #expect(RecordError.badRecordMAC.alert == .badRecordMAC)
        #expect(reader.sequenceNumber == 0)
    }

    @Test(arguments: CipherSuite.allCases)
    func roundTripWithPadding(suite: CipherSuite) throws {
        let secret = [UInt8](repeating: 0x42, count: suite.hashLength)
        var writer = try RecordProtection(suite: suite, trafficSecret: secret)
        var reader = try RecordProtection(suite: suite, trafficSecret: secret)
        var framer = RecordReader()
        let messages: [([UInt8], ContentType, Int)] = [
            (Array("GET /metrics HTTP/1.1\r\n\r\n".utf8), .applicationData, 0),
            ([1, 2, 3], .handshake, 200),
            ([], .applicationData, 7),
            ([UInt8](repeating: 0xab, count: RecordHeader.maximumPlaintext), .applicationData, 0),
        ]
        var wire: [UInt8] = []
        for (content, type, padding) in messages { wire += try writer.protect(content, type: type, padding: padding) }
        // Deliver in awkward pieces.
        var received: [(ContentType, [UInt8])] = []
        var offset = 0, step = 1
        while offset < wire.count {
            let n = min(step, wire.count - offset)
            framer.append(wire[offset..<(offset + n)])
            offset += n
            step = step * 3 + 1
            while let record = try framer.next() { received.append(try reader.unprotect(record)) }
        }
        #expect(received.count == messages.count)
        for (got, want) in zip(received, messages) {
            #expect(got.0 == want.1 && got.1 == want.0)
        }
    }

    @Test func limitsAreEnforced() throws {
        var writer = try RecordProtection(suite: .chacha20Poly1305SHA256, trafficSecret: [UInt8](repeating: 1, count: 32))
        #expect(throws: RecordError.recordOverflow(length: 16_385, maximum: 16_384)) {
            try writer.protect([UInt8](repeating: 0, count: 16_385), type: .applicationData)
        }
        #expect(throws: RecordError.recordOverflow(length: 16_384 + 1, maximum: 16_384)) {
            try writer.protect([UInt8](repeating: 0, count: 16_000), type: .applicationData, padding: 385)
        }
        // Headers: oversized protected and plaintext records, unknown types, empty handshake records.
        #expect(throws: RecordError.recordOverflow(length: 16_641, maximum: 16_640)) {
            try RecordHeader(bytes: [23, 3, 3, 0x41, 0x01])
        }
        #expect(throws: RecordError.recordOverflow(length: 16_385, maximum: 16_384)) {
            try RecordHeader(bytes: [22, 3, 3, 0x40, 0x01])
        }
        #expect(throws: RecordError.unexpectedMessage("unknown record content type 24")) {
            try RecordHeader(bytes: [24, 3, 3, 0, 1])
        }
        #expect(throws: RecordError.unexpectedMessage("empty handshake record")) {
            try RecordHeader(bytes: [22, 3, 3, 0, 0])
        }
        var framer = RecordReader()
        framer.append([23, 3, 3, 0x41])
        #expect(try framer.next() == nil)
        framer.append([0x01])
        #expect(throws: RecordError.recordOverflow(length: 16_641, maximum: 16_640)) { try framer.next() }
    }

    /// A decrypted TLSInnerPlaintext that is all zeros has no content type; one over 2^14 + 1 overflows.
    @Test func malformedInnerPlaintext() throws {
        let key = [UInt8](repeating: 9, count: 32), iv = [UInt8](repeating: 3, count: 12)
        let aead = try ChaChaPoly(key: key)
        func sealed(_ inner: [UInt8]) throws -> Record {
            let header = RecordHeader(contentType: .applicationData, length: inner.count + 16)
            return Record(header: header, payload: try aead.seal(inner, nonce: iv, authenticating: header.bytes))
        }
        var reader = try RecordProtection(suite: .chacha20Poly1305SHA256, key: key, iv: iv)
        #expect(throws: RecordError.unexpectedMessage("protected record has no non-zero content type")) {
            try reader.unprotect(try sealed([0, 0, 0]))
        }
        reader = try RecordProtection(suite: .chacha20Poly1305SHA256, key: key, iv: iv)
        #expect(throws: RecordError.recordOverflow(length: 16_386, maximum: 16_385)) {
            try reader.unprotect(try sealed([UInt8](repeating: 23, count: 16_386)))
        }
        reader = try RecordProtection(suite: .chacha20Poly1305SHA256, key: key, iv: iv)
        #expect(throws: RecordError.unexpectedMessage("empty alert content in a protected record")) {
            try reader.unprotect(try sealed([21, 0]))
        }
        reader = try RecordProtection(suite: .chacha20Poly1305SHA256, key: key, iv: iv)
        #expect(throws: RecordError.unexpectedMessage("handshake record where a protected record was expected")) {
            try reader.unprotect(Record(header: RecordHeader(contentType: .handshake, length: 1), payload: [1]))
        }
        #expect(throws: RecordError.badRecordMAC) {
            try reader.unprotect(Record(header: RecordHeader(contentType: .applicationData, length: 3), payload: [1, 2, 3]))
        }
    }

    @Test func alertParsing() throws {
        #expect(try Alert(bytes: [2, 40]) == Alert(level: .fatal, description: .handshakeFailure))
        #expect(try Alert(bytes: [2, 250]).alertDescription.description == "alert(250)")
        #expect(throws: RecordError.decodeError("alert record of 3 bytes, expected 2")) { try Alert(bytes: [2, 40, 0]) }
        #expect(throws: RecordError.decodeError("alert level 3 is neither warning (1) nor fatal (2)")) { try Alert(bytes: [3, 40]) }
    }
}
