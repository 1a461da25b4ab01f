import Testing
@testable import HTTP

@Suite struct HTTPURLTests {
    @Test(arguments: [
        ("http://127.0.0.1:9100/metrics", "127.0.0.1", 9100, "/metrics", "127.0.0.1:9100"),
        ("http://Example.COM", "example.com", 80, "/", "example.com"),
        ("https://example.com/api/v1/query?query=up#x", "example.com", 443, "/api/v1/query?query=up", "example.com"),
        ("http://[::1]:8080/x", "::1", 8080, "/x", "[::1]:8080"),
        ("http://[2001:db8::1]/", "2001:db8::1", 80, "/", "[2001:db8::1]"),
        ("http://host?x=1", "host", 80, "/?x=1", "host"),
        ("http://u:p@host:81/", "host", 81, "/", "host:81"),
    ])
    func parses(text: String, host: String, port: Int, target: String, authority: String) throws {
        let u = try HTTPURL(text)
        #expect(u.host == host && u.port == port && u.target == target && u.authority == authority)
    }

    @Test(arguments: ["ftp://x/", "http://", "http://:80/", "http://host:0/", "http://host:99999/", "http://ho st/", "http://[::1/",
                      "http://host/pa th", "localhost:9100/metrics", "http://host:8a/"])
    func rejects(text: String) {
        #expect(throws: HTTPError.self) { try HTTPURL(text) }
    }

    @Test func userInfoIsRedacted() throws {
        let u = try HTTPURL("http://admin:s%40cret@host/x")
        #expect(u.user == "admin" && u.password == "s@cret")
        #expect(u.redacted == "http://admin:xxxxx@host/x")
        do {
            _ = try HTTPURL("http://admin:secret@ho st/")
        } catch {
            #expect(!error.description.contains("secret"))
        }
    }
}
