import Testing
@testable import RESP

@Suite struct RedisEndpointTests {
    static let valid: [(String, RedisEndpoint)] = [
        ("redis://localhost", RedisEndpoint(host: "localhost")),
        ("redis://127.0.0.1:6380/2", RedisEndpoint(host: "127.0.0.1", port: 6380, database: 2)),
        ("redis://:s3cret@cache.internal:7000/0", RedisEndpoint(host: "cache.internal", port: 7000, password: "s3cret")),
        ("redis://vigil:p%40ss%3Aw0rd@h", RedisEndpoint(host: "h", username: "vigil", password: "p@ss:w0rd")),
        ("redis://vigil:pass:with:colons@h:1", RedisEndpoint(host: "h", port: 1, username: "vigil", password: "pass:with:colons")),
        ("redis://:p@ss@h", RedisEndpoint(host: "h", password: "p@ss")),
        ("redis://:@h", RedisEndpoint(host: "h")),
        ("redis://[::1]:7001/5", RedisEndpoint(host: "::1", port: 7001, database: 5)),
        ("redis://[fe80::1%25eth0]", RedisEndpoint(host: "fe80::1%eth0")),
        ("rediss://secure.example:6380", RedisEndpoint(host: "secure.example", port: 6380, tls: true)),
        ("REDIS://H", RedisEndpoint(host: "H")),
        ("redis://h/", RedisEndpoint(host: "h")),
        ("redis://h/15?", RedisEndpoint(host: "h", database: 15)),
        ("redis://h:65535", RedisEndpoint(host: "h", port: 65535)),
    ]

    @Test(arguments: valid) func parses(_ url: String, _ expected: RedisEndpoint) throws {
        #expect(try RedisEndpoint(url: url) == expected)
    }

    static let invalid: [(String, String)] = [
        ("localhost:6379", "missing scheme"),
        ("http://h", "unsupported scheme \"http\""),
        ("redis://", "missing host"),
        ("redis://:pw@", "missing host"),
        ("redis://h:0", "invalid port \"0\""),
        ("redis://h:65536", "invalid port"),
        ("redis://h:", "invalid port"),
        ("redis://h:abc", "invalid port \"abc\""),
        ("redis://h:+1", "invalid port"),
        ("redis://h/x", "invalid database \"x\""),
        ("redis://h/-1", "invalid database"),
        ("redis://h/99999999999", "invalid database"),
        ("redis://h?db=1", "query parameters are not supported"),
        ("redis://h#x", "fragments"),
        ("redis://hunter2@h", "user info must be"),
        ("redis://vigil:@h", "user name given without a password"),
        ("redis://:%zzhunter2@h", "invalid percent-encoding in the user info"),
        ("redis://[::1", "unterminated IPv6"),
        ("redis://[::1]x", "unexpected text after the IPv6"),
        ("redis://[zz]:1", "invalid IPv6"),
        ("redis://h h", "invalid host"),
    ]

    @Test(arguments: invalid) func rejects(_ url: String, _ fragment: String) {
        do {
            let e = try RedisEndpoint(url: url)
            Issue.record("parsed \(e)")
        } catch {
            #expect(error.description.contains(fragment), "\(error)")
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test func descriptionsNeverShowThePassword() throws {
        let e = try RedisEndpoint(url: "redis://ops:hunter2@cache:6380/3")
        #expect(e.description == "redis://ops:***@cache:6380/3")
        #expect(!String(reflecting: e).contains("hunter2"))
        #expect(!"\(e)".contains("hunter2"))
        var dumped = ""
        dump(e, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(try RedisEndpoint(url: "redis://:hunter2@[::1]").description == "redis://:***@[::1]:6379")
        #expect(RedisEndpoint(host: "h", username: "a b").description == "redis://a%20b@h:6379")
    }

    @Test func addressBracketsIPv6() {
        #expect(RedisEndpoint(host: "::1", port: 1).address == "[::1]:1")
        #expect(RedisEndpoint(host: "10.0.0.1").address == "10.0.0.1:6379")
    }
}
