import Foundation
import Testing
@testable import HTTP

/// The socket client against real servers we did not write: python3's `http.server` (HTTP/1.0, close
/// delimited) and Debian's `prometheus-node-exporter` (Go's net/http, gzip). Each skips when absent.
@Suite struct ThirdPartyServerTests {
    let client = HTTPClient()

    @Test func pythonHTTPServer() async throws {
        let dir = ExternalServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let content = TestServer.body(size: 60_000)
        try Data(content).write(to: URL(fileURLWithPath: dir + "/metrics.txt"))
        guard let server = ExternalServer.start("python3", ["-m", "http.server", "--bind", "127.0.0.1", "{PORT}"], directory: dir) else {
            print("skipped: python3 not available")
            return
        }
        defer { server.stop() }
        for _ in 0..<3 {
            let r = try await client.get("http://127.0.0.1:\(server.port)/metrics.txt", timeout: .seconds(10), bodyLimit: 1 << 20)
            #expect(r.status == 200)
            #expect(r.body == content)
        }
        let missing = try await client.get("http://127.0.0.1:\(server.port)/nope", timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(missing.status == 404)
        #expect(missing.statusText == "404 File not found")
    }

    @Test func nodeExporter() async throws {
        guard let server = ExternalServer.start("prometheus-node-exporter",
                                                ["--web.listen-address=127.0.0.1:{PORT}", "--collector.disable-defaults",
                                                 "--collector.cpu", "--collector.meminfo", "--collector.loadavg"]) else {
            print("skipped: prometheus-node-exporter not installed (apt-get install prometheus-node-exporter)")
            return
        }
        defer { server.stop() }
        var headers = HTTPHeaders()
        headers.set("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1")
        for _ in 0..<3 {
            let r = try await client.get("http://127.0.0.1:\(server.port)/metrics", headers: headers, timeout: .seconds(10), bodyLimit: 10 << 20)
            #expect(r.status == 200)
            let text = String(decoding: r.body, as: UTF8.self)
            #expect(text.contains("# TYPE node_load1 gauge"))
            #expect(text.contains("go_goroutines"))
            #expect(r.contentType?.hasPrefix("text/plain") == true)
            if ContentDecoder.canDecodeGzip {
                // node_exporter compresses when asked; the body above was decoded.
                #expect(r.headers["Content-Encoding"] == "gzip")
            }
        }
        do {
            _ = try await client.get("http://127.0.0.1:\(server.port)/metrics", timeout: .seconds(10), bodyLimit: 1000)
            Issue.record("expected the body size limit")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(1000))
        }
    }
}
