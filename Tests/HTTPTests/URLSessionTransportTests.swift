import Foundation
import Testing
@testable import HTTP

/// The URLSession path (used for https) with the same limits, driven over plain http on loopback so
/// that bodies, limits and deadlines can be checked without a trusted certificate.
@Suite struct URLSessionTransportTests {
    let client = HTTPClient(urlSessionForHTTP: true)

    @Test func plainBodyAndHeaders() async throws {
        let server = try TestServer()
        let r = try await client.send(HTTPRequest(url: try HTTPURL(server.url("/echo")), authorization: .bearer("tok")),
                                      timeout: .seconds(10), bodyLimit: 1 << 20)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(r.status == 200)
        #expect(text.contains("User-Agent: Vigil/0.1"))
        #expect(text.contains("Authorization: Bearer tok"))
        let big = try await client.get(server.url("/chunked?size=60000&chunk=1000&trailer=no"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(big.body == TestServer.body(size: 60000))
    }

    @Test func statusAndRedirectsGoThroughOurPolicy() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/status?code=503"), timeout: .seconds(10), bodyLimit: 1024)
        #expect(r.statusText == "503 Service Unavailable")
        let redirected = try await client.get(server.url("/redirect?n=3"), timeout: .seconds(10), bodyLimit: 1024)
        #expect(redirected.timing.redirects == 3 && String(decoding: redirected.body, as: UTF8.self) == "done GET 0")
        do {
            _ = try await client.get(server.url("/loop"), timeout: .seconds(10), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .tooManyRedirects(10))
        }
    }

    @Test func bodyLimitWhileStreaming() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        do {
            _ = try await client.get(server.url("/endless-chunked"), timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(1 << 20))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func gzipBombStopsAtTheLimit() async throws {
        guard Fixtures.gzipAvailable else { return }
        let server = try TestServer()
        do {
            _ = try await client.get(server.url("/bomb"), timeout: .seconds(20), bodyLimit: 1 << 20)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .bodySizeLimitExceeded(1 << 20))
        }
        // An ordinary gzip body is decoded by libcurl.
        let r = try await client.get(server.url("/gzip?size=60000"), timeout: .seconds(10), bodyLimit: 1 << 20)
        #expect(r.body == TestServer.body(size: 60000))
    }

    @Test func drippingBodyFailsAtTheDeadline() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        do {
            _ = try await client.get(server.url("/drip?n=30"), timeout: .milliseconds(2500), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .timeout)
            #expect(error.description.hasSuffix("context deadline exceeded"))
        }
        #expect(ContinuousClock.now - started < .seconds(6))
    }

    @Test func connectionRefused() async throws {
        let port = closedPort()
        do {
            _ = try await client.get("http://127.0.0.1:\(port)/", timeout: .seconds(5), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "Get \"http://127.0.0.1:\(port)/\": dial tcp 127.0.0.1:\(port): connect: connection refused")
        }
    }
}
