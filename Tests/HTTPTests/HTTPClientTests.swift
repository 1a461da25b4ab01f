import Foundation
import Testing
@testable import HTTP

/// The socket client against our loopback test server: bodies, framing, keep-alive, requests.
@Suite struct HTTPClientTests {
    let client = HTTPClient()

    @Test(arguments: [0, 1, 100, 60_000, 1_000_000])
    func contentLengthBody(size: Int) async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/ok?size=\(size)"), timeout: .seconds(10), bodyLimit: 10 << 20)
        #expect(r.status == 200)
        #expect(r.statusText == "200 OK")
        #expect(r.body == TestServer.body(size: size))
        #expect(r.contentType == "text/plain; version=0.0.4")
        #expect(r.timing.firstByte <= r.timing.total)
        #expect(r.timing.connect != nil)
    }

    @Test(arguments: [(1000, 1), (60_000, 4096), (100_000, 100_000), (0, 10)])
    func chunkedBody(size: Int, chunk: Int) async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/chunked?size=\(size)&chunk=\(chunk)"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.status == 200)
        #expect(r.body == TestServer.body(size: size))
        // The connection stays usable after chunked framing with trailers.
        let again = try await client.get(server.url("/ok?size=10"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(again.timing.reusedConnection)
        #expect(server.connectionCount == 1)
    }

    @Test func connectionCloseBody() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/close?size=70000"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.body == TestServer.body(size: 70000))
        _ = try await client.get(server.url("/ok"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(server.connectionCount == 2)
    }

    @Test func keepAliveReusesOneConnection() async throws {
        let server = try TestServer()
        for i in 0..<20 {
            let r = try await client.get(server.url("/conn"), timeout: .seconds(10), bodyLimit: 1024)
            #expect(String(decoding: r.body, as: UTF8.self) == "1")
            #expect(r.timing.reusedConnection == (i > 0))
        }
        #expect(server.connectionCount == 1)
        #expect(server.requestCount == 20)
    }

    @Test func concurrentRequestsOpenSeveralConnectionsAndReuseThem() async throws {
        let server = try TestServer()
        let client = self.client
        let bodies = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<64 {
                group.addTask { try await client.get(server.url("/ok?size=5000"), timeout: .seconds(20), bodyLimit: 1 << 20).body }
            }
            var all: [[UInt8]] = []
            for try await b in group { all.append(b) }
            return all
        }
        #expect(bodies.count == 64)
        #expect(bodies.allSatisfy { $0 == TestServer.body(size: 5000) })
        #expect(server.connectionCount <= 64)
    }

    @Test func serverClosingAnIdleConnectionIsRetriedTransparently() async throws {
        let server = try TestServer()
        _ = try await client.get(server.url("/ok"), timeout: .seconds(10), bodyLimit: 1 << 20)
        // /http10 closes after answering; the next GET on a fresh connection must work too.
        let r = try await client.get(server.url("/http10"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(String(decoding: r.body, as: UTF8.self) == "hello")
        let r2 = try await client.get(server.url("/ok?size=3"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r2.body.count == 3)
    }

    @Test func requestCarriesDefaultsAndCustomHeaders() async throws {
        let server = try TestServer()
        var headers = HTTPHeaders()
        headers.set("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
        headers.set("X-Prometheus-Scrape-Timeout-Seconds", "10")
        let r = try await client.send(HTTPRequest(url: try HTTPURL(server.url("/echo?a=1&b=2")), headers: headers,
                                                  authorization: .bearer("s3cret-token")),
                                      timeout: .seconds(10), bodyLimit: 1 << 20)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.hasPrefix("GET /echo?a=1&b=2\n"))
        #expect(text.contains("Host: 127.0.0.1:\(server.port)\n"))
        #expect(text.contains("User-Agent: Vigil/0.1\n"))
        #expect(text.contains("Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5\n"))
        #expect(text.contains("X-Prometheus-Scrape-Timeout-Seconds: 10\n"))
        #expect(text.contains("Authorization: Bearer s3cret-token\n"))
        #expect(!text.contains("Content-Length"))
    }

    @Test func basicAuthFromValuesAndFromURL() async throws {
        let server = try TestServer()
        let r = try await client.send(HTTPRequest(url: try HTTPURL(server.url("/echo")), authorization: .basic(username: "alice", password: "pw")),
                                      timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(String(decoding: r.body, as: UTF8.self).contains("Authorization: Basic YWxpY2U6cHc=\n"))
        let fromURL = try await client.get("http://bob:pa%3Ass@127.0.0.1:\(server.port)/echo", timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(String(decoding: fromURL.body, as: UTF8.self).contains("Authorization: Basic Ym9iOnBhOnNz\n"))
        #expect(fromURL.url.redacted == "http://bob:xxxxx@127.0.0.1:\(server.port)/echo")
    }

    @Test func postJSONBody() async throws {
        let server = try TestServer()
        let payload = Array("{\"query\":\"up\"}".utf8)
        let r = try await client.send(try HTTPRequest.postJSON(server.url("/post"), body: payload), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "{\"received\":\(payload.count),\"type\":\"application/json\"}")
    }

    @Test func ipv6Literal() async throws {
        let server: TestServer
        do { server = try TestServer(ipv6: true) } catch {
            // No IPv6 loopback on this machine.
            return
        }
        let r = try await client.get("http://[::1]:\(server.port)/echo", timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(String(decoding: r.body, as: UTF8.self).contains("Host: [::1]:\(server.port)\n"))
    }

    @Test func dnsNameLocalhost() async throws {
        let server = try TestServer()
        // localhost may resolve to ::1 first, where nothing listens: the next address must be tried.
        let r = try await client.get("http://localhost:\(server.port)/ok?size=10", timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.body.count == 10)
    }

    @Test func interimResponsesAreSkippedAndBareLineFeedsAccepted() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/interim"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.status == 200 && r.body == Array("ok".utf8))
        let lf = try await client.get(server.url("/lf-only"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(lf.headers["x-a"] == "b" && lf.body == Array("ok".utf8))
    }

    @Test func headRequestHasNoBody() async throws {
        let server = try TestServer()
        let r = try await client.send(HTTPRequest(method: "HEAD", url: try HTTPURL(server.url("/ok?size=500"))), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.status == 200 && r.body.isEmpty && r.headers["Content-Length"] == "500")
        let next = try await client.get(server.url("/ok?size=5"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(next.body.count == 5 && next.timing.reusedConnection)
    }

    @Test func bytesAfterTheResponseMeanTheConnectionIsNotReused() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/leftover"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.body == Array("ok".utf8))
        let next = try await client.get(server.url("/ok?size=5"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(!next.timing.reusedConnection)
    }
}
