import Glibc
import Testing
@testable import TLS

/// Full TLS 1.3 handshakes against Debian's `openssl s_server` (OpenSSL 3) on loopback, for each cipher
/// suite and for ECDSA and RSA-PSS server keys, with chain and host-name verification; plus refusals.
/// Needs the `openssl` package; skips with a note when it is missing.
@Suite(.serialized)
struct TLSClientConnectionTests {
    struct Outcome {
        var response: String
        var suite: CipherSuite?
        var peerCommonName: String?
    }

    /// Handshake, `GET /`, read until close_notify or EOF. Bounded by the socket timeout and a round limit.
    static func fetch(port: UInt16, configuration: TLSClientConnection.Configuration) throws -> Outcome {
        guard let socket = LoopbackSocket(port: port) else { throw TLSConnectionError.closed }
        defer { socket.close() }
        var connection = TLSClientConnection(configuration: configuration)
        _ = socket.write(try connection.start())
        var response: [UInt8] = []
        var sentRequest = false
        for _ in 0..<200 {
            let bytes = socket.read()
            if bytes.isEmpty { break }
            let output: TLSClientConnection.Output
            do {
                output = try connection.receive(bytes)
            } catch {
                _ = socket.write(connection.alertRecord(for: error))
                throw error
            }
            _ = socket.write(output.outgoing)
            response += output.applicationData
            if connection.isConnected, !sentRequest {
                _ = socket.write(try connection.send(Array("GET / HTTP/1.0\r\n\r\n".utf8)))
                sentRequest = true
            }
            if output.peerClosed { break }
        }
        _ = socket.write(connection.close())
        return Outcome(response: String(decoding: response, as: UTF8.self), suite: connection.negotiatedSuite,
                       peerCommonName: connection.peerCertificates.first?.subjectCommonName)
    }

    static func configuration(_ server: OpenSSLServer, host: String = "localhost", verify: Bool = true) throws -> TLSClientConnection.Configuration {
        let verifier = verify ? CertificateVerifier(trustStore: try TrustStore(pem: server.caPEM)) : nil
        return TLSClientConnection.Configuration(serverName: host, verifier: verifier, now: { Int64(Glibc.time(nil)) })
    }

    @Test(arguments: [
        ("ec", "TLS_AES_128_GCM_SHA256", CipherSuite.aes128GCMSHA256),
        ("rsa", "TLS_AES_256_GCM_SHA384", CipherSuite.aes256GCMSHA384),
        ("ec", "TLS_CHACHA20_POLY1305_SHA256", CipherSuite.chacha20Poly1305SHA256),
    ])
    func handshakeAndRequest(keyType: String, opensslSuite: String, suite: CipherSuite) throws {
        guard OpenSSLServer.isAvailable else {
            print("note: /usr/bin/openssl not installed; skipping s_server handshake test")
            return
        }
        let server = try OpenSSLServer(keyType: keyType, ciphersuite: opensslSuite, connections: 2)
        defer { server.stop() }
        let outcome = try Self.fetch(port: server.port, configuration: try Self.configuration(server))
        #expect(outcome.suite == suite)
        #expect(outcome.peerCommonName == "localhost")
        #expect(outcome.response.hasPrefix("HTTP/1.0 200 ok"))
        #expect(outcome.response.contains(opensslSuite))
        // By IP literal (no SNI), matched against the iPAddress SAN.
        let byIP = try Self.fetch(port: server.port, configuration: try Self.configuration(server, host: "127.0.0.1"))
        #expect(byIP.response.hasPrefix("HTTP/1.0 200 ok"))
    }

    @Test func refusesWrongHostAndUnknownCA() throws {
        guard OpenSSLServer.isAvailable else {
            print("note: /usr/bin/openssl not installed; skipping s_server refusal test")
            return
        }
        let server = try OpenSSLServer(keyType: "ec", ciphersuite: "TLS_AES_128_GCM_SHA256", connections: 3)
        defer { server.stop() }
        #expect(throws: TLSConnectionError.certificate(.hostnameMismatch(host: "metrics.example", names: ["localhost", "127.0.0.1"]))) {
            try Self.fetch(port: server.port, configuration: try Self.configuration(server, host: "metrics.example"))
        }
        let strangers = TLSClientConnection.Configuration(
            serverName: "localhost", verifier: CertificateVerifier(trustStore: TrustStore(certificates: [])), now: { Int64(Glibc.time(nil)) })
        #expect(throws: TLSConnectionError.certificate(.unknownAuthority(subject: "localhost", issuer: "(issuer not presented)"))) {
            try Self.fetch(port: server.port, configuration: strangers)
        }
        // insecure_skip_verify: no chain or name checks, but the handshake signature is still verified.
        let insecure = try Self.fetch(port: server.port, configuration: try Self.configuration(server, host: "metrics.example", verify: false))
        #expect(insecure.response.hasPrefix("HTTP/1.0 200 ok"))
    }
}
