import Testing
@testable import TLS

/// Handshake framing, Certificate and CertificateVerify on the RFC 8448 §3 server flight: the trace's
/// RSA certificate parses, and its rsa_pss_rsae_sha256 CertificateVerify verifies over the transcript.
struct HandshakeMessageTests {
    static func serverFlight() throws -> [UInt8] {
        var protection = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: hex(RFC8448.serverHandshakeTraffic))
        var framer = RecordReader()
        framer.append(hex(RFC8448.serverFlightRecord))
        return try protection.unprotect(try #require(try framer.next())).content
    }

    @Test func flightSplitsIntoMessagesAndVerifies() throws {
        let flight = try Self.serverFlight()
        var reader = HandshakeReader()
        var messages: [HandshakeMessage] = []
        for byte in flight { // worst case: one byte per record
            reader.append([byte])
            while let m = try reader.next() { messages.append(m) }
        }
        #expect(!reader.hasPartialMessage)
        #expect(messages.map(\.type) == [.encryptedExtensions, .certificate, .certificateVerify, .finished])
        #expect(messages.flatMap(\.encoded) == flight)

        let certificateMessage = try CertificateMessage(body: messages[1].body)
        #expect(certificateMessage.requestContext.isEmpty && certificateMessage.certificates.count == 1)
        let cert = try Certificate(der: certificateMessage.certificates[0])
        #expect(cert.subjectCommonName == "rsa")
        guard case let .rsa(key) = try SubjectPublicKeyInfo(der: cert.subjectPublicKeyInfo) else {
            Issue.record("RFC 8448 certificate should carry an RSA key")
            return
        }
        #expect(key.modulusBits == 1024)

        var transcript = TranscriptHash(suite: .aes128GCMSHA256)
        transcript.update(hex(RFC8448.clientHello))
        transcript.update(Array(hex(RFC8448.serverHelloRecord).dropFirst(5)))
        transcript.update(messages[0].encoded)
        transcript.update(messages[1].encoded)
        let verify = try CertificateVerify(body: messages[2].body)
        #expect(verify.scheme == .rsaPSSRSAESHA256)
        #expect(verify.isValid(for: .rsa(key), transcriptHash: transcript.current))
        #expect(!verify.isValid(for: .rsa(key), transcriptHash: transcript.current, server: false))
        var wrong = transcript.current
        wrong[0] ^= 1
        #expect(!verify.isValid(for: .rsa(key), transcriptHash: wrong))
    }

    @Test func malformedMessages() {
        var reader = HandshakeReader()
        reader.append([99, 0, 0, 0])
        #expect(throws: RecordError.unexpectedMessage("unknown handshake message type 99")) { try reader.next() }
        reader = HandshakeReader()
        reader.append([11, 0x01, 0x00, 0x01])
        #expect(throws: RecordError.recordOverflow(length: 65_537, maximum: 65_536)) { try reader.next() }
        #expect(throws: RecordError.decodeError("truncated certificate_list")) {
            try CertificateMessage(body: [0, 0, 0, 5, 0, 0][...])
        }
        #expect(throws: RecordError.decodeError("empty cert_data")) {
            try CertificateMessage(body: [0, 0, 0, 5, 0, 0, 0, 0, 0][...])
        }
        #expect(throws: RecordError.decodeError("1 trailing bytes in CertificateVerify")) {
            try CertificateVerify(body: [0x08, 0x04, 0, 1, 7, 9][...])
        }
    }
}
