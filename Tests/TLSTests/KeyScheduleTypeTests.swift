import Testing
@testable import TLS

/// `KeySchedule` and `TranscriptHash` driven through the whole RFC 8448 §3 handshake, including both
/// Finished messages and the resumption master secret.
struct KeyScheduleTypeTests {
    @Test func fullHandshakeSchedule() throws {
        let schedule = KeySchedule(suite: .aes128GCMSHA256)
        #expect(schedule.earlySecret == hex(RFC8448.earlySecret))
        var transcript = TranscriptHash(suite: .aes128GCMSHA256)
        transcript.update(hex(RFC8448.clientHello))
        transcript.update(Array(hex(RFC8448.serverHelloRecord).dropFirst(5)))
        #expect(transcript.current == hex(RFC8448.helloHash))
        #expect(transcript.current == hex(RFC8448.helloHash)) // reading does not disturb the state

        let ecdhe = try X25519.sharedSecret(privateKey: hex(RFC8448.clientPrivate), peerPublicKey: hex(RFC8448.serverPublic))
        let hs = try schedule.handshakeSecret(sharedSecret: ecdhe)
        #expect(hs == hex(RFC8448.handshakeSecret))
        let traffic = try schedule.handshakeTrafficSecrets(handshakeSecret: hs, helloHash: transcript.current)
        #expect(traffic.client == hex(RFC8448.clientHandshakeTraffic))
        #expect(traffic.server == hex(RFC8448.serverHandshakeTraffic))

        // Decrypt the server flight; its last message is the server Finished over everything before it.
        var serverRecords = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: traffic.server)
        var framer = RecordReader()
        framer.append(hex(RFC8448.serverFlightRecord))
        let flight = try serverRecords.unprotect(try #require(try framer.next())).content
        let finished = Array(flight.suffix(36))
        #expect(Array(finished.prefix(4)) == [0x14, 0x00, 0x00, 0x20])
        transcript.update(Array(flight.dropLast(36)))
        #expect(Array(finished.dropFirst(4)) == (try schedule.finishedVerifyData(trafficSecret: traffic.server, transcriptHash: transcript.current)))
        transcript.update(finished)
        #expect(transcript.current == hex(RFC8448.applicationHash))

        let master = try schedule.masterSecret(handshakeSecret: hs)
        #expect(master == hex(RFC8448.masterSecret))
        let app = try schedule.applicationSecrets(masterSecret: master, serverFinishedHash: transcript.current)
        #expect(app.client == hex(RFC8448.clientApplicationTraffic))
        #expect(app.server == hex(RFC8448.serverApplicationTraffic))
        #expect(app.exporter == hex(RFC8448.exporterMaster))

        // Client Finished, then the resumption master secret over the transcript including it.
        let clientVerify = try schedule.finishedVerifyData(trafficSecret: traffic.client, transcriptHash: transcript.current)
        var clientRecords = try RecordProtection(suite: .aes128GCMSHA256, trafficSecret: traffic.client)
        let clientFinished: [UInt8] = [0x14, 0x00, 0x00, 0x20] + clientVerify
        #expect(try clientRecords.protect(clientFinished, type: .handshake) == hex(RFC8448.clientFinishedRecord))
        transcript.update(clientFinished)
        #expect(try schedule.resumptionMasterSecret(masterSecret: master, clientFinishedHash: transcript.current) == hex(RFC8448.resumptionMaster))
    }

    @Test func sha384SuiteUsesSha384Lengths() throws {
        let schedule = KeySchedule(suite: .aes256GCMSHA384)
        #expect(schedule.earlySecret.count == 48)
        let hs = try schedule.handshakeSecret(sharedSecret: [UInt8](repeating: 7, count: 32))
        #expect(hs.count == 48)
        #expect(throws: CryptoError.invalidLength(what: "transcript hash", expected: 48, actual: 32)) {
            try schedule.handshakeTrafficSecrets(handshakeSecret: hs, helloHash: [UInt8](repeating: 0, count: 32))
        }
        let next = try schedule.nextApplicationTrafficSecret(hs)
        #expect(next.count == 48 && next != hs)
        #expect(TranscriptHash(suite: .aes256GCMSHA384).current == SHA384.hash([UInt8]()))
    }
}
