import Foundation
import Testing
@testable import HTTP

/// Redirects follow Go's client (and so Prometheus's `follow_redirects: true`): at most 10, method
/// rewriting for 301/302/303, credentials kept only on the same host.
@Suite struct HTTPClientRedirectTests {
    let client = HTTPClient()

    @Test(arguments: [1, 5, 10])
    func followsUpToTen(hops: Int) async throws {
        let server = try TestServer()
        let r = try await client.get(server.url("/redirect?n=\(hops)"), timeout: .seconds(10), bodyLimit: 1024)
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "done GET 0")
        #expect(r.timing.redirects == hops)
        #expect(r.url.target == "/redirect?n=0&status=302")
    }

    @Test func stopsAfterTenRedirects() async throws {
        let server = try TestServer()
        do {
            _ = try await client.get(server.url("/loop"), timeout: .seconds(10), bodyLimit: 1024)
            Issue.record("expected a failure")
        } catch {
            #expect(error.description == "Get \"\(server.url("/loop"))\": stopped after 10 redirects")
        }
    }

    @Test func notFollowedWhenDisabled() async throws {
        let server = try TestServer()
        var request = try HTTPRequest.get(server.url("/redirect?n=3"))
        request.followRedirects = false
        let r = try await client.send(request, timeout: .seconds(10), bodyLimit: 1024)
        #expect(r.status == 302)
        #expect(r.headers["location"] == "/redirect?n=2&status=302")
    }

    @Test(arguments: [("302", "done GET 0"), ("303", "done GET 0"), ("307", "done POST 5"), ("308", "done POST 5")])
    func postRedirects(status: String, expected: String) async throws {
        let server = try TestServer()
        let request = HTTPRequest(method: "POST", url: try HTTPURL(server.url("/redirect?n=1&status=\(status)")), body: Array("hello".utf8))
        let r = try await client.send(request, timeout: .seconds(10), bodyLimit: 1024)
        #expect(String(decoding: r.body, as: UTF8.self) == expected)
    }

    @Test func credentialsAreDroppedForAnotherHost() async throws {
        let server = try TestServer()
        // 127.0.0.1 -> localhost is another host name: Authorization must not follow.
        let target = "http://localhost:\(server.port)/echo".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let request = HTTPRequest(url: try HTTPURL(server.url("/redirect-to?to=\(target)")), authorization: .bearer("tok"))
        let r = try await client.send(request, timeout: .seconds(10), bodyLimit: 4096)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("Host: localhost:\(server.port)"))
        #expect(!text.contains("Authorization"))
        // Same host: kept.
        let same = HTTPRequest(url: try HTTPURL(server.url("/redirect-to?to=%2Fecho")), authorization: .bearer("tok"))
        let r2 = try await client.send(same, timeout: .seconds(10), bodyLimit: 4096)
        #expect(String(decoding: r2.body, as: UTF8.self).contains("Authorization: Bearer tok"))
    }

    @Test func deadlineCoversAllHops() async throws {
        let server = try TestServer()
        let target = "/hang".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        do {
            _ = try await client.get(server.url("/redirect-to?to=\(target)"), timeout: .milliseconds(300), bodyLimit: 1024)
            Issue.record("expected a timeout")
        } catch {
            #expect(error.kind == .timeout)
            #expect(error.redactedURL == server.url("/hang"))
        }
    }

    @Test(arguments: [
        ("http://a.example/x/y?q=1", "/z", "http://a.example/z"),
        ("http://a.example/x/y?q=1", "z", "http://a.example/x/z"),
        ("http://a.example/x/y", "../z?k", "http://a.example/z?k"),
        ("http://a.example/x/y", "?k=2", "http://a.example/x/y?k=2"),
        ("http://a.example:8080/x", "//b.example/w", "http://b.example/w"),
        ("http://a.example/x", "https://b.example:8443/w#frag", "https://b.example:8443/w"),
        ("http://a.example/x", "http://[::1]:9/w", "http://[::1]:9/w"),
    ])
    func locationResolution(base: String, location: String, expected: String) throws {
        let url = try HTTPURL(base)
        #expect(url.resolving(location)?.redacted == expected)
    }

    @Test func subdomainRule() {
        #expect(HTTPClient.mayForwardCredentials(from: "example.com", to: "example.com"))
        #expect(HTTPClient.mayForwardCredentials(from: "example.com", to: "api.example.com"))
        #expect(!HTTPClient.mayForwardCredentials(from: "example.com", to: "evilexample.com"))
        #expect(!HTTPClient.mayForwardCredentials(from: "api.example.com", to: "example.com"))
        #expect(!HTTPClient.mayForwardCredentials(from: "127.0.0.1", to: "localhost"))
    }
}
