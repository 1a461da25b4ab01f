import Foundation
import Testing
@testable import HTTP

/// Every way a peer can misbehave ends in a clear error within the deadline.
@Suite struct HTTPClientFaultTests {
    let client = HTTPClient()

    func failure(_ url: String, timeout: Duration = .seconds(10), bodyLimit: Int = 1 << 20) async -> HTTPError? {
        do {
            _ = try await client.get(url, timeout: timeout, bodyLimit: bodyLimit)
            return nil
        } catch {
            return error
        }
    }

    @Test func connectionRefused() async throws {
        let port = closedPort()
        let e = try #require(await failure("http://127.0.0.1:\(port)/metrics"))
        #expect(e.description == "Get \"http://127.0.0.1:\(port)/metrics\": dial tcp 127.0.0.1:\(port): connect: connection refused")
    }

    @Test func hangPastTheDeadline() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        let e = try #require(await failure(server.url("/hang"), timeout: .milliseconds(300)))
        #expect(e.kind == .timeout)
        #expect(e.description == "Get \"\(server.url("/hang"))\": context deadline exceeded")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func bodyThatStopsHalfWayTimesOut() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/hang-body"), timeout: .milliseconds(300)))
        #expect(e.kind == .timeout)
    }

    @Test func drippingBodyFailsAtTheDeadline() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        let e = try #require(await failure(server.url("/drip?n=30"), timeout: .milliseconds(2500)))
        #expect(e.kind == .timeout)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(2400) && elapsed < .seconds(6))
    }

    @Test func resetMidBody() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/reset")))
        let ok: Bool
        switch e.kind {
        case .io(let op, _, let reason): ok = op == "read" && reason == "connection reset by peer"
        case .unexpectedEOF: ok = true
        default: ok = false
        }
        #expect(ok, "\(e)")
        #expect(e.description.hasPrefix("Get \"\(server.url("/reset"))\": "))
    }

    @Test func closedWithoutResponse() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/empty")))
        #expect(e.kind == .eof)
        #expect(e.description == "Get \"\(server.url("/empty"))\": EOF")
    }

    @Test func serverErrorIsAResponse() async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/status?code=500"), timeout: .seconds(5), bodyLimit: 1024)
        #expect(r.status == 500)
        #expect(throws: HTTPError.self) { try r.requireOK() }
        do {
            try r.requireSuccess()
        } catch {
            #expect(error.description == "server returned HTTP status 500 Internal Server Error")
        }
        let notFound = try await client.get(server.url("/nothing"), timeout: .seconds(5), bodyLimit: 1024)
        #expect(notFound.status == 404 && notFound.statusText == "404 Not Found")
    }

    @Test func garbageInsteadOfHTTP() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/garbage")))
        #expect(e.description == "Get \"\(server.url("/garbage"))\": net/http: HTTP/1.x transport connection broken: malformed HTTP version \"SSH-2.0-OpenSSH_9.2p1\"")
    }

    @Test(arguments: [
        ("/bad-chunk", "invalid byte in chunk length \"zz\""),
        ("/bad-cl", "bad Content-Length \"12abc\""),
        ("/bad-status", "malformed HTTP status code \"2OO\""),
    ])
    func malformedFraming(path: String, message: String) async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url(path)))
        #expect(e.description == "Get \"\(server.url(path))\": net/http: HTTP/1.x transport connection broken: \(message)")
    }

    @Test func bodyOverTheLimitByContentLength() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/ok?size=5000"), bodyLimit: 4999))
        #expect(e.kind == .bodySizeLimitExceeded(4999))
        #expect(e.description.hasSuffix(": body size limit exceeded"))
        let exact = try await client.get(server.url("/ok?size=5000"), timeout: .seconds(5), bodyLimit: 5000)
        #expect(exact.body.count == 5000)
    }

    @Test func endlessChunkedBodyStopsAtTheLimit() async throws {
        let server = try TestServer()
        let started = ContinuousClock.now
        let e = try #require(await failure(server.url("/endless-chunked"), bodyLimit: 1 << 20))
        #expect(e.kind == .bodySizeLimitExceeded(1 << 20))
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func connectionCloseBodyOverTheLimit() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/close?size=300000"), bodyLimit: 100_000))
        #expect(e.kind == .bodySizeLimitExceeded(100_000))
    }

    @Test func headersOverTheLimit() async throws {
        let server = try TestServer()
        let e = try #require(await failure(server.url("/huge-headers")))
        #expect(e.description == "Get \"\(server.url("/huge-headers"))\": net/http: server response headers exceeded 1048576 bytes; aborted")
    }

    @Test func unknownHostName() async throws {
        let e = try #require(await failure("http://no-such-host.invalid:9100/metrics", timeout: .seconds(10)))
        guard case .dns(let host, _) = e.kind else {
            Issue.record("expected a DNS error, got \(e)")
            return
        }
        #expect(host == "no-such-host.invalid")
        #expect(e.description.hasPrefix("Get \"http://no-such-host.invalid:9100/metrics\": dial tcp: lookup no-such-host.invalid"))
    }

    @Test func cancellationEndsTheRequest() async throws {
        let server = try TestServer()
        let client = self.client
        let task = Task { () -> HTTPError? in
            do throws(HTTPError) {
                _ = try await client.get(server.url("/hang"), timeout: .seconds(30), bodyLimit: 1024)
                return nil
            } catch {
                return error
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let e = await task.value
        #expect(e?.kind == .cancelled)
    }

    @Test func credentialsNeverAppearInErrors() async throws {
        let port = closedPort()
        let request = HTTPRequest(url: try HTTPURL("http://user:hunter2@127.0.0.1:\(port)/x"), authorization: nil)
        do {
            _ = try await client.send(request, timeout: .seconds(5), bodyLimit: 10)
            Issue.record("expected a failure")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("http://user:xxxxx@127.0.0.1:\(port)/x"))
        }
        var headers = HTTPHeaders()
        headers.set("X-Api-Key", "topsecret\r\nInjected: 1")
        do {
            _ = try await client.send(HTTPRequest(url: try HTTPURL("http://127.0.0.1:\(port)/"), headers: headers), timeout: .seconds(5), bodyLimit: 10)
            Issue.record("expected a failure")
        } catch {
            #expect(!error.description.contains("topsecret"))
            #expect(error.description.contains("invalid header field value for \"X-Api-Key\""))
        }
        #expect(!"\(HTTPAuthorization.bearer("tok123"))".contains("tok123"))
        #expect(!"\(HTTPAuthorization.basic(username: "u", password: "pw999"))".contains("pw999"))
    }
}
