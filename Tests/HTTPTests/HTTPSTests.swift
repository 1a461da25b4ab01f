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
