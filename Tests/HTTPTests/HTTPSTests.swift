import Foundation
import Testing
@testable import HTTP

/// HTTPS through our own TLS 1.3 client against Debian's `openssl s_server` and a python3 `ssl` server,
/// with a private CA made by `openssl` at test time: `tls_config` options, trust errors, chunked
/// trailers, gzip, keep-alive and handshake deadlines. Skips when openssl (or python3) is missing.
@Suite struct HTTPSTests {
    static func tlsReason(_ error: HTTPError) -> String? {
        if case .tls(let reason) = error.kind { return reason }
        return nil
    }

    @Test func caFileMakesAPrivateCATrusted() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer() else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let r = try await TLSFixture.client(TLSOptions(caFile: fx.caFile))
            .get("https://127.0.0.1:\(server.port)/", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(r.status == 200)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("TLSv1.3"))
        #expect(r.timing.connect != nil)
    }

    @Test func privateCAWithoutCAFileIsAnUnknownAuthority() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer() else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/"
        do {
            _ = try await TLSFixture.client().get(url, timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("a certificate from a private CA must not be trusted")
        } catch {
            let reason = HTTPSTests.tlsReason(error) ?? ""
            #expect(reason.hasPrefix("failed to verify certificate: x509: "), "\(error)")
            #expect(reason.contains("signed by unknown authority"), "\(error)")
            #expect(error.description.hasPrefix("Get \"\(url)\": tls: failed to verify certificate"))
        }
    }

    @Test func insecureSkipVerifyAcceptsAnyCertificate() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer() else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let r = try await TLSFixture.client(TLSOptions(insecureSkipVerify: true))
            .get("https://127.0.0.1:\(server.port)/", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(r.status == 200)
    }

    @Test func serverNameIsSentAndVerified() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer() else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let url = "https://127.0.0.1:\(server.port)/"
        let ok = try await TLSFixture.client(TLSOptions(caFile: fx.caFile, serverName: "localhost"))
            .get(url, timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(ok.status == 200)
        do {
            _ = try await TLSFixture.client(TLSOptions(caFile: fx.caFile, serverName: "metrics.example"))
                .get(url, timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("a certificate without metrics.example must not match")
        } catch {
            let reason = HTTPSTests.tlsReason(error) ?? ""
            #expect(reason.contains("not metrics.example"), "\(error)")
            #expect(reason.contains("localhost"), "\(error)")
        }
    }

    @Test func keepAliveChunkedTrailersAndGzip() async throws {
        guard let fx = TLSFixture(), let server = fx.pythonServer() else { print("skipped: openssl or python3 not available"); return }
        defer { server.stop() }
        let client = TLSFixture.client(TLSOptions(caFile: fx.caFile))
        let base = "https://127.0.0.1:\(server.port)"
        let first = try await client.get(base + "/hello", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(String(decoding: first.body, as: UTF8.self) == "secure hello\n")
        let second = try await client.get(base + "/hello", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(second.timing.reusedConnection)
        let chunked = try await client.get(base + "/chunked-trailers", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(String(decoding: chunked.body, as: UTF8.self) == "first chunk\nsecond chunk\n")
        let gzip = try await client.get(base + "/gzip?size=100000", timeout: .seconds(20), bodyLimit: 1 << 20)
        #expect(gzip.body.count == 100_000)
        #expect(gzip.body.starts(with: Array("0123456789abcdefghijklmnopqrstuvwxyz\n".utf8)))
        // Many records (16 KiB each); kept small because debug-build AES is slow and shares the loop thread.
        let big = try await client.get(base + "/big?size=300000", timeout: .seconds(30), bodyLimit: 1 << 20)
        #expect(big.body.count == 300_000)
        do {
            _ = try await client.get(base + "/big?size=300000", timeout: .seconds(30), bodyLimit: 100_000)
            Issue.record("expected the body limit to stop the response")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(100_000))
        }
    }

    /// A server that accepts and never answers the ClientHello fails at the request deadline.
    @Test func handshakeThatNeverCompletesTimesOut() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        do {
            _ = try await HTTPClient().get("https://127.0.0.1:\(server.port)/hang", timeout: .milliseconds(700), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .timeout, "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    /// A TLS 1.2-only server goes to URLSession when no option needs our client (which then, lacking the
    /// private CA, refuses it with libcurl's words); with `ca_file` the error names TLS 1.2.
    @Test func tls12OnlyServerFallsBackOrFailsClearly() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer(["-tls1_2"]) else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let hostPort = "127.0.0.1:\(server.port)"
        let url = "https://\(hostPort)/"
        do {
            _ = try await TLSFixture.client(TLSOptions(caFile: fx.caFile)).get(url, timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("TLS 1.2 with ca_file must fail")
        } catch {
            let reason = HTTPSTests.tlsReason(error) ?? ""
            #expect(reason.contains("does not speak TLS 1.3") || reason.contains("probably speaks only TLS 1.2"), "\(error)")
            #expect(reason.contains("TLS 1.2 and HelloRetryRequest are not supported yet"), "\(error)")
            #expect(reason.contains("tls_config ca_file"), "\(error)")
        }
        #expect(TLSFallbackMemory.shared.reason(for: hostPort) == nil)
        do {
            _ = try await TLSFixture.client().get(url, timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("URLSession does not trust the private CA")
        } catch {
            // libcurl's wording, not ours ("failed to verify certificate: x509: …"): URLSession answered.
            let reason = HTTPSTests.tlsReason(error) ?? ""
            #expect(!reason.isEmpty && !reason.contains("x509:"), "\(error)")
        }
        #expect(TLSFallbackMemory.shared.reason(for: hostPort) != nil)
    }

    /// A TLS 1.3 server without x25519 would need a HelloRetryRequest for a group we do not have; the
    /// request falls back like a TLS 1.2 server's.
    @Test func serverWithoutX25519FallsBack() async throws {
        guard let fx = TLSFixture(), let server = fx.sServer(["-groups", "P-256"]) else { print("skipped: openssl not available"); return }
        defer { server.stop() }
        let hostPort = "127.0.0.1:\(server.port)"
        do {
            _ = try await TLSFixture.client(TLSOptions(insecureSkipVerify: true))
                .get("https://\(hostPort)/", timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("no fallback is possible with insecure_skip_verify")
        } catch {
            let reason = HTTPSTests.tlsReason(error) ?? ""
            #expect(reason.contains("insecure_skip_verify"), "\(error)")
            #expect(reason.contains("not supported yet"), "\(error)")
        }
        do {
            _ = try await TLSFixture.client().get("https://\(hostPort)/", timeout: .seconds(20), bodyLimit: 1 << 20)
        } catch {
            #expect(!(HTTPSTests.tlsReason(error) ?? "").contains("x509:"), "\(error)")
        }
        #expect(TLSFallbackMemory.shared.reason(for: hostPort) != nil)
    }

    /// An HTTP server on the https port answers the ClientHello with a plain 400, as nginx or Go's
    /// server do for bytes that are not a request line.
    @Test func plainHTTPServerOnAnHTTPSURL() async throws {
        let python = ExternalServer.which("/usr/bin/python3") ?? ExternalServer.which("python3")
        let script = """
        import socket, sys
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", int(sys.argv[1])))
        s.listen(8)
        while True:
            c, _ = s.accept()
            c.settimeout(5)
            try:
                c.recv(4096)
                c.sendall(b"HTTP/1.1 400 Bad Request\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n")
            except OSError:
                pass
            c.close()
        """
        guard let python, let server = ExternalServer.start(python, ["-c", script, "{PORT}"]) else {
            print("skipped: python3 not available")
            return
        }
        defer { server.stop() }
        do {
            _ = try await HTTPClient().get("https://127.0.0.1:\(server.port)/ok", timeout: .seconds(10), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .tls("http: server gave HTTP response to HTTPS client"), "\(error)")
        }
    }

    @Test func missingOrEmptyCAFile() async throws {
        let dir = ExternalServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "no certificates here\n".write(toFile: dir + "/empty.pem", atomically: true, encoding: .utf8)
        for (file, expected) in [(dir + "/missing.pem", "unable to load specified CA cert \(dir)/missing.pem: no such file or directory"),
                                 (dir + "/empty.pem", "unable to use specified CA cert \(dir)/empty.pem: no PEM certificate in it could be parsed")] {
            do {
                _ = try await TLSFixture.client(TLSOptions(caFile: file)).get("https://127.0.0.1:1/", timeout: .seconds(5), bodyLimit: 1024)
                Issue.record("expected a failure")
            } catch {
                #expect(error.kind == .tls(expected))
            }
        }
    }

    @Test func clientCertificatesAreRefusedNotIgnored() async throws {
        let client = TLSFixture.client(TLSOptions(certFile: "/tmp/c.pem", keyFile: "/tmp/k.pem"))
        do {
            _ = try await client.get("https://127.0.0.1:1/", timeout: .seconds(5), bodyLimit: 1024)
            Issue.record("expected an unsupported error")
        } catch {
            #expect(error.kind == .unsupported("tls_config cert_file, key_file is not supported yet: Vigil's TLS client cannot present a client certificate yet"))
        }
        #expect(TLSOptions(certFile: "/tmp/c.pem").unsupportedReason?.hasPrefix("tls_config cert_file is not supported yet") == true)
        #expect(TLSOptions(caFile: "/tmp/ca.pem", insecureSkipVerify: true, serverName: "x.example").unsupportedReason == nil)
    }

    /// Prometheus ignores tls_config for plain http, and so does the socket client.
    @Test func plainHTTPIgnoresTLSOptions() async throws {
        let server = try TestServer()
        let tls = TLSOptions(caFile: "/tmp/ca.pem", certFile: "/tmp/c.pem", keyFile: "/tmp/k.pem", insecureSkipVerify: true,
                             serverName: "metrics.example")
        let response = try await HTTPClient(options: HTTPClientOptions(tls: tls))
            .get("http://127.0.0.1:\(server.port)/ok", timeout: .seconds(10), bodyLimit: 1024)
        #expect(response.status == 200)
    }

    @Test func optionsThatOnlyOurClientHonours() {
        let all = TLSOptions(caFile: "/tmp/ca.pem", insecureSkipVerify: true, serverName: "metrics.example")
        #expect(all.ownClientOptions(host: "10.1.2.3") == ["ca_file", "insecure_skip_verify", "server_name"])
        #expect(TLSOptions(serverName: "LOCALHOST").ownClientOptions(host: "localhost").isEmpty)
        #expect(TLSOptions(serverName: "[::1]").ownClientOptions(host: "::1").isEmpty)
        #expect(TLSOptions(serverName: "host.example.").ownClientOptions(host: "host.example").isEmpty)
        if let system = TLSOptions.systemBundle {
            #expect(TLSOptions(caFile: system).ownClientOptions(host: "x").isEmpty)
        }
    }

    @Test func systemBundleLoads() throws {
        guard TLSOptions.systemBundle != nil else { print("skipped: no system CA bundle"); return }
        let verifier = try TrustRoots.shared.systemVerifier()
        #expect(verifier.trustStore.roots.count > 50)
    }

    @Test func pemBlocksThatDoNotParseAreSkipped() throws {
        guard let fx = TLSFixture() else { print("skipped: openssl not available"); return }
        let ca = try String(contentsOfFile: fx.caFile, encoding: .utf8)
        let bogus = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
        #expect(TrustRoots.certificates(inPEM: bogus + ca + "-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----\n").count == 1)
        #expect(TrustRoots.certificates(inPEM: bogus).isEmpty)
    }

    @Test func cancellingDuringTheHandshake() async throws {
        let server = try TestServer()
        let task = Task {
            try await HTTPClient().get("https://127.0.0.1:\(server.port)/hang", timeout: .seconds(30), bodyLimit: 1024)
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("expected a failure")
        } catch let error as HTTPError {
            #expect(error.kind == .cancelled)
        }
    }

    @Test func fallbackMemoryExpires() {
        let memory = TLSFallbackMemory()
        let t0 = MonotonicTime(nanoseconds: 1_000_000_000)
        memory.remember("h:443", reason: "TLS 1.2", now: t0)
        #expect(memory.reason(for: "h:443", now: t0.adding(.seconds(60))) == "TLS 1.2")
        #expect(memory.reason(for: "other:443", now: t0) == nil)
        #expect(memory.reason(for: "h:443", now: t0.adding(TLSFallbackMemory.lifetime + .seconds(1))) == nil)
    }

    /// A rotated ca_file (different size or modification time) is read again; an unchanged one is not.
    @Test func caFileIsReloadedWhenItChanges() throws {
        guard let fx = TLSFixture() else { print("skipped: openssl not available"); return }
        let path = fx.dir + "/bundle.pem"
        let ca = try String(contentsOfFile: fx.caFile, encoding: .utf8)
        let server = try String(contentsOfFile: fx.dir + "/server.pem", encoding: .utf8)
        try ca.write(toFile: path, atomically: false, encoding: .utf8)
        let first = try TrustRoots.shared.verifier(caFile: path)
        #expect(first.trustStore.roots.count == 1)
        #expect(try TrustRoots.shared.verifier(caFile: path).trustStore.roots.count == 1)
        try (ca + server).write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try TrustRoots.shared.verifier(caFile: path).trustStore.roots.count == 2)
    }
}
