import Testing
@testable import TLS

/// The TLS 1.3 key schedule of RFC 8448 §3 ("Simple 1-RTT Handshake", TLS_AES_128_GCM_SHA256, x25519),
/// recomputed from the trace's private keys and handshake messages with our X25519, SHA-256 and HKDF.
struct KeyScheduleTests {
    @Test func simpleOneRTTKeySchedule() throws {
        typealias K = HKDF<SHA256>
        let zero = [UInt8](repeating: 0, count: 32)
        let early = K.extract(salt: zero, ikm: zero)
        #expect(early == hex(RFC8448.earlySecret))
        let emptyHash = SHA256.hash([UInt8]())
        let derivedEarly = try K.deriveSecret(secret: early, label: "derived", transcriptHash: emptyHash)
        #expect(derivedEarly == hex(RFC8448.derivedEarly))

        let ecdhe = try X25519.sharedSecret(privateKey: hex(RFC8448.clientPrivate), peerPublicKey: hex(RFC8448.serverPublic))
        #expect(ecdhe == hex(RFC8448.ecdhe))
        #expect(try X25519.publicKey(privateKey: hex(RFC8448.clientPrivate)) == hex(RFC8448.clientPublic))
        #expect(try X25519.sharedSecret(privateKey: hex(RFC8448.serverPrivate), peerPublicKey: hex(RFC8448.clientPublic)) == ecdhe)

        let handshakeSecret = K.extract(salt: derivedEarly, ikm: ecdhe)
        #expect(handshakeSecret == hex(RFC8448.handshakeSecret))
        // Transcript: ClientHello ‖ ServerHello (the record body after its 5-byte header).
        var transcript = SHA256()
        transcript.update(hex(RFC8448.clientHello))
        transcript.update(hex(RFC8448.serverHelloRecord).dropFirst(5))
        let helloHash = transcript.finalize()
        #expect(helloHash == hex(RFC8448.helloHash))

        let clientHS = try K.deriveSecret(secret: handshakeSecret, label: "c hs traffic", transcriptHash: helloHash)
        let serverHS = try K.deriveSecret(secret: handshakeSecret, label: "s hs traffic", transcriptHash: helloHash)
        #expect(clientHS == hex(RFC8448.clientHandshakeTraffic))
        #expect(serverHS == hex(RFC8448.serverHandshakeTraffic))
        #expect(try K.expandLabel(secret: serverHS, label: "key", context: [UInt8](), length: 16) == hex(RFC8448.serverHandshakeKey))
        #expect(try K.expandLabel(secret: serverHS, label: "iv", context: [UInt8](), length: 12) == hex(RFC8448.serverHandshakeIV))
        #expect(try K.expandLabel(secret: clientHS, label: "key", context: [UInt8](), length: 16) == hex(RFC8448.clientHandshakeKey))
        #expect(try K.expandLabel(secret: clientHS, label: "iv", context: [UInt8](), length: 12) == hex(RFC8448.clientHandshakeIV))
        #expect(try K.expandLabel(secret: serverHS, label: "finished", context: [UInt8](), length: 32) == hex(RFC8448.serverFinishedKey))

        let derivedHS = try K.deriveSecret(secret: handshakeSecret, label: "derived", transcriptHash: emptyHash)
        #expect(derivedHS == hex(RFC8448.derivedHandshake))
        let master = K.extract(salt: derivedHS, ikm: zero)
        #expect(master == hex(RFC8448.masterSecret))
        let applicationHash = hex(RFC8448.applicationHash)
        let clientAP = try K.deriveSecret(secret: master, label: "c ap traffic", transcriptHash: applicationHash)
        let serverAP = try K.deriveSecret(secret: master, label: "s ap traffic", transcriptHash: applicationHash)
        #expect(clientAP == hex(RFC8448.clientApplicationTraffic))
        #expect(serverAP == hex(RFC8448.serverApplicationTraffic))
        #expect(try K.deriveSecret(secret: master, label: "exp master", transcriptHash: applicationHash) == hex(RFC8448.exporterMaster))
        #expect(try K.expandLabel(secret: serverAP, label: "key", context: [UInt8](), length: 16) == hex(RFC8448.serverApplicationKey))
        #expect(try K.expandLabel(secret: serverAP, label: "iv", context: [UInt8](), length: 12) == hex(RFC8448.serverApplicationIV))
    }

    @Test func expandLabelRejectsOversizedContext() {
        #expect(throws: CryptoError.invalidLength(what: "HKDF label context", expected: 255, actual: 256)) {
            try HKDF<SHA256>.expandLabel(secret: [UInt8](repeating: 1, count: 32), label: "x",
                                         context: [UInt8](repeating: 0, count: 256), length: 16)
        }
    }
}
