import Testing
@testable import TLS

/// Hostile-input robustness: deterministic mutations of real encodings (certificates, SPKI, DER
/// signatures, ServerHello, handshake streams) must produce errors or results, never a trap. Bounded
/// iteration counts; a crash fails the whole test run.
struct MalformedInputTests {
    /// SplitMix64, so failures reproduce.
    struct Mutator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }

        mutating func mutate(_ input: [UInt8]) -> [UInt8] {
            var bytes = input
            switch next() % 4 {
            case 0: // flip bits in a few bytes
                for _ in 0..<(1 + Int(next() % 3)) where !bytes.isEmpty { bytes[Int(next() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: next() | 1) }
            case 1: // truncate
                bytes = Array(bytes.prefix(Int(next() % UInt64(bytes.count + 1))))
            case 2: // set a byte to a boundary value (lengths!)
                if !bytes.isEmpty { bytes[Int(next() % UInt64(bytes.count))] = [0x00, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff][Int(next() % 7)] }
            default: // insert garbage
                let at = Int(next() % UInt64(bytes.count + 1))
                bytes.insert(contentsOf: (0..<Int(1 + next() % 4)).map { _ in UInt8(truncatingIfNeeded: next()) }, at: at)
            }
            return bytes
        }
    }

    @Test func mutatedCertificatesNeverTrap() {
        var m = Mutator(state: 1)
        let seeds = [hex(CertificateTests.ca), hex(CertificateTests.leaf), hex(TestChain.inter)]
        var parsed = 0
        for i in 0..<3_000 {
            let input = m.mutate(seeds[i % seeds.count])
            if let cert = try? Certificate(der: input) {
                parsed += 1
                _ = try? SubjectPublicKeyInfo(der: cert.subjectPublicKeyInfo)
                if let key = try? SubjectPublicKeyInfo(der: hex(DERTests.p256SPKI)) { _ = cert.isSigned(by: key) }
            }
        }
        #expect(parsed < 3_000)
    }

    @Test func mutatedSignaturesAndKeysNeverTrap() {
        var m = Mutator(state: 2)
        let der = hex("3045022100f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d383670220019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083")
        let key = try? ECDSAPublicKey(curve: .p256, x963Representation: hex(ECDSATests.p256Key))
        let digest = SHA256.hash(Array("test".utf8))
        for _ in 0..<300 {
            _ = key?.isValidSignature(derEncoded: m.mutate(der), digest: digest)
            _ = try? SubjectPublicKeyInfo(der: m.mutate(hex(DERTests.rsaSPKI)))
            _ = try? ECDSAPublicKey(curve: .p256, x963Representation: m.mutate(hex(ECDSATests.p256Key)))
        }
    }

    @Test func mutatedServerFlightsNeverTrap() throws {
        var m = Mutator(state: 3)
        let serverHello = hex(RFC8448.serverHelloRecord)
        for _ in 0..<500 {
            var connection = TLSClientConnection(configuration: .init(serverName: "server", verifier: nil, now: { 0 }))
            _ = try connection.start()
            _ = try? connection.receive(m.mutate(serverHello))
            _ = try? connection.receive(m.mutate(hex(RFC8448.serverFlightRecord)))
        }
        // ServerHello bodies against the trace's (empty) session id, so mutations reach the extensions.
        let body = Array(serverHello.dropFirst(9))
        #expect((try? ServerHello(body: body[...], sessionID: [])) != nil)
        for _ in 0..<1_000 { _ = try? ServerHello(body: m.mutate(body)[...], sessionID: []) }
        // Handshake framing and message bodies.
        let flight = try HandshakeMessageTests.serverFlight()
        for _ in 0..<500 {
            var reader = HandshakeReader()
            reader.append(m.mutate(flight))
            while let message = try? reader.next() {
                _ = try? CertificateMessage(body: message.body)
                _ = try? CertificateVerify(body: message.body)
            }
        }
    }
}
