import Foundation
@testable import HTTP

/// A private CA and a server certificate it signed (for 127.0.0.1 and localhost), made by Debian's
/// `openssl` in a fresh directory, plus the servers the HTTPS tests run with them: `openssl s_server`
/// (TLS 1.3, TLS 1.2 only, or without x25519) and a python3 `ssl` HTTP/1.1 server for keep-alive,
/// chunked trailers and gzip. Nil when openssl is missing, so tests skip.
final class TLSFixture: @unchecked Sendable {
    // Immutable after init; the directory is removed on deinit.
    let dir: String

    init?() {
        dir = ExternalServer.temporaryDirectory()
        try? "subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n"
            .write(toFile: dir + "/ext.cnf", atomically: true, encoding: .utf8)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1",
             "-subj", "/CN=Vigil Test CA"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
             "-days", "1", "-extfile", "ext.cnf"],
        ]
        for args in steps where !TLSFixture.openssl(args, in: dir) {
            try? FileManager.default.removeItem(atPath: dir)
            return nil
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    var caFile: String { dir + "/ca.pem" }

    /// `openssl s_server -www` (answers every GET with an HTML status page, then closes) with `extra` flags.
    func sServer(_ extra: [String] = []) -> ExternalServer? {
        ExternalServer.start("openssl", ["s_server", "-accept", "127.0.0.1:{PORT}", "-cert", "server.pem", "-key", "server.key",
                                         "-www", "-quiet"] + extra, directory: dir)
    }

    /// python3's http.server over `ssl` (TLS 1.3 allowed, OpenSSL defaults), HTTP/1.1 keep-alive:
    /// `/hello`, `/chunked-trailers`, `/gzip?size=N`, `/big?size=N`.
    func pythonServer() -> ExternalServer? {
        let python = ExternalServer.which("/usr/bin/python3") ?? ExternalServer.which("python3")
        guard let python else { return nil }
        let script = """
        import gzip, http.server, ssl, sys, urllib.parse
        def body(n):
            line = b"0123456789abcdefghijklmnopqrstuvwxyz\\n"
            return (line * (n // len(line) + 1))[:n]
        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                u = urllib.parse.urlparse(self.path)
                q = urllib.parse.parse_qs(u.query)
                size = int(q.get("size", ["1000"])[0])
                if u.path == "/chunked-trailers":
                    self.send_response(200)
                    self.send_header("Transfer-Encoding", "chunked")
                    self.send_header("Trailer", "X-Checksum")
                    self.end_headers()
                    for part in (b"first chunk\\n", b"second chunk\\n"):
                        self.wfile.write(b"%x\\r\\n%s\\r\\n" % (len(part), part))
                    self.wfile.write(b"0\\r\\nX-Checksum: 42\\r\\n\\r\\n")
                    return
                if u.path == "/gzip":
                    b = body(size)
                    z = "gzip" in self.headers.get("Accept-Encoding", "")
                    if z:
                        b = gzip.compress(b)
                    self.send_response(200)
                    if z:
                        self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(b)))
                    self.end_headers()
                    self.wfile.write(b)
                    return
                b = body(size) if u.path == "/big" else b"secure hello\\n"
                self.send_response(200)
                self.send_header("Content-Length", str(len(b)))
                self.end_headers()
                self.wfile.write(b)
            def log_message(self, *a):
                pass
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain("server.pem", "server.key")
        s = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H)
        s.socket = ctx.wrap_socket(s.socket, server_side=True)
        s.serve_forever()
        """
        try? script.write(toFile: dir + "/server.py", atomically: true, encoding: .utf8)
        return ExternalServer.start(python, [dir + "/server.py", "{PORT}"], directory: dir)
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

    static func client(_ tls: TLSOptions = TLSOptions()) -> HTTPClient {
        HTTPClient(options: HTTPClientOptions(tls: tls))
    }
}
