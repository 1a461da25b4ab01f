import Foundation
import Testing
@testable import HTTP

/// HTTPS through URLSession against a python3 `ssl` server with a certificate made by `openssl` at test
/// time. Skips when either tool is missing.
@Suite struct HTTPSTests {
    /// A TLS server with a fresh self-signed certificate for 127.0.0.1; nil when tools are missing.
    static func startTLSServer(dir: String) -> ExternalServer? {
        guard let openssl = ExternalServer.which("openssl"), ExternalServer.which("python3") != nil else { return nil }
        let gen = Process()
        gen.executableURL = URL(fileURLWithPath: openssl)
        gen.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem",
                         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        gen.standardOutput = FileHandle.nullDevice
        gen.standardError = FileHandle.nullDevice
        do { try gen.run() } catch { return nil }
        gen.waitUntilExit()
        guard gen.terminationStatus == 0 else { return nil }
        let script = """
        import http.server, ssl, sys
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                b = b"secure hello\\n"
                self.send_response(200)
                self.send_header("Content-Length", str(len(b)))
                self.end_headers()
                self.wfile.write(b)
            def log_message(self, *a):
                pass
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain("\(dir)/cert.pem", "\(dir)/key.pem")
        s = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H)
        s.socket = ctx.wrap_socket(s.socket, server_side=True)
        s.serve_forever()
        """
        try? script.write(toFile: dir + "/server.py", atomically: true, encoding: .utf8)
        return ExternalServer.start("python3", [dir + "/server.py", "{PORT}"])
    }

    @Test func untrustedCertificateFails() async throws {
        let dir = ExternalServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let server = HTTPSTests.startTLSServer(dir: dir) else {
            print("skipped: openssl or python3 not available")
            return
        }
        defer { server.stop() }
        do {
            _ = try await HTTPClient().get("https://127.0.0.1:\(server.port)/", timeout: .seconds(10), bodyLimit: 1024)
            Issue.record("a self-signed certificate must not be trusted")
        } catch {
            guard case .tls(let reason) = error.kind else {
                Issue.record("expected a TLS error, got \(error)")
                return
            }
            #expect(reason.lowercased().contains("certificate"))
            #expect(error.description.hasPrefix("Get \"https://127.0.0.1:\(server.port)/\": tls: "))
        }
    }

    @Test(arguments: [
        TLSOptions(caFile: "/tmp/ca.pem"),
        TLSOptions(insecureSkipVerify: true),
        TLSOptions(certFile: "/tmp/c.pem", keyFile: "/tmp/k.pem"),
        TLSOptions(serverName: "metrics.example"),
    ])
    func optionsURLSessionCannotHonourAreRefused(tls: TLSOptions) async throws {
        let client = HTTPClient(options: HTTPClientOptions(tls: tls))
        do {
            _ = try await client.get("https://127.0.0.1:1/", timeout: .seconds(5), bodyLimit: 1024)
            Issue.record("expected an unsupported error")
        } catch {
            guard case .unsupported(let reason) = error.kind else {
                Issue.record("expected unsupported, got \(error)")
                return
            }
            #expect(reason.contains("is not supported"))
        }
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

    @Test func refusalNamesEveryOptionAndWhy() {
        let tls = TLSOptions(caFile: "/tmp/ca.pem", certFile: "/tmp/c.pem", keyFile: "/tmp/k.pem", insecureSkipVerify: true,
                             serverName: "metrics.example")
        let reason = tls.unsupportedReason(host: "10.1.2.3") ?? ""
        #expect(reason.hasPrefix("tls_config ca_file, cert_file, key_file, insecure_skip_verify, server_name is not supported"))
        #expect(reason.contains("cannot present a client certificate"))
        #expect(reason.contains("always verifies the server's certificate"))
        #expect(reason.contains("(10.1.2.3), not metrics.example"))
        // Without a host, server_name is left to the request.
        #expect(TLSOptions(serverName: "metrics.example").unsupportedReason == nil)
    }

    @Test(arguments: [("LOCALHOST", "localhost"), ("[::1]", "::1"), ("host.example.", "host.example")])
    func serverNameEqualToTheHostIsHonoured(serverName: String, host: String) {
        #expect(TLSOptions(serverName: serverName).unsupportedReason(host: host) == nil)
    }

    /// A CA of our own, a server certificate it signed for 127.0.0.1 and localhost, and
    /// `openssl s_server` serving with that chain. Nil when openssl is missing.
    static func startCASignedServer(dir: String) -> ExternalServer? {
        guard ExternalServer.which("openssl") != nil else { return nil }
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1",
             "-subj", "/CN=Vigil Test CA"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
             "-days", "1", "-extfile", "ext.cnf"],
        ]
        try? "subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n"
            .write(toFile: dir + "/ext.cnf", atomically: true, encoding: .utf8)
        for args in steps where !HTTPSTests.openssl(args, in: dir) { return nil }
        return ExternalServer.start("openssl", ["s_server", "-accept", "127.0.0.1:{PORT}", "-cert", "server.pem", "-key", "server.key",
                                                "-CAfile", "ca.pem", "-www", "-quiet"], directory: dir)
    }

    static func openssl(_ args: [String], in dir: String) -> Bool {
        guard let path = ExternalServer.which("openssl") else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// The chain is sound (`openssl verify` accepts it with the CA), yet URLSession rejects it: the CA is
    /// not in the system bundle, and a ca_file naming it is refused up front rather than ignored.
    @Test func privateCAIsRefusedNotIgnored() async throws {
        let dir = ExternalServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let server = HTTPSTests.startCASignedServer(dir: dir) else {
            print("skipped: openssl not available")
            return
        }
        defer { server.stop() }
        #expect(HTTPSTests.openssl(["verify", "-CAfile", "ca.pem", "server.pem"], in: dir))
        let url = "https://127.0.0.1:\(server.port)/"
        do {
            _ = try await HTTPClient().get(url, timeout: .seconds(10), bodyLimit: 1 << 20)
            Issue.record("a certificate from a private CA must not be trusted")
        } catch {
            guard case .tls(let reason) = error.kind else {
                Issue.record("expected a TLS error, got \(error)")
                return
            }
            #expect(reason.lowercased().contains("certificate"))
        }
        let withCA = HTTPClient(options: HTTPClientOptions(tls: TLSOptions(caFile: dir + "/ca.pem")))
        do {
            _ = try await withCA.get(url, timeout: .seconds(10), bodyLimit: 1 << 20)
            Issue.record("ca_file cannot be honoured by URLSession and must be refused")
        } catch {
            guard case .unsupported(let reason) = error.kind else {
                Issue.record("expected unsupported, got \(error)")
                return
            }
            #expect(reason.contains("ca_file"))
            #expect(reason.contains("system CA bundle"))
        }
    }

    /// Options that ask for what URLSession does anyway are accepted: the request goes out and the
    /// certificate is still verified (so an untrusted one still fails, with a TLS error).
    @Test(arguments: [TLSOptions(serverName: "127.0.0.1"), TLSOptions(caFile: "/etc/ssl/certs/ca-certificates.crt")])
    func optionsMatchingURLSessionAreHonoured(tls: TLSOptions) async throws {
        if tls.caFile != nil && !tls.caFileIsSystemBundle {
            print("skipped: /etc/ssl/certs/ca-certificates.crt is not this machine's system bundle")
            return
        }
        let dir = ExternalServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let server = HTTPSTests.startCASignedServer(dir: dir) else {
            print("skipped: openssl not available")
            return
        }
        defer { server.stop() }
        do {
            _ = try await HTTPClient(options: HTTPClientOptions(tls: tls))
                .get("https://127.0.0.1:\(server.port)/", timeout: .seconds(10), bodyLimit: 1 << 20)
            Issue.record("the private CA is still not trusted")
        } catch {
            guard case .tls = error.kind else {
                Issue.record("expected a TLS error (options honoured, verification done), got \(error)")
                return
            }
        }
    }

    @Test func handshakeThatNeverCompletesTimesOut() async throws {
        // A plain TCP server that never speaks TLS.
        let server = try TestServer()
        let started = ContinuousClock.now
        do {
            _ = try await HTTPClient().get("https://127.0.0.1:\(server.port)/hang", timeout: .milliseconds(500), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .timeout || { if case .tls = error.kind { return true } else { return false } }())
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
