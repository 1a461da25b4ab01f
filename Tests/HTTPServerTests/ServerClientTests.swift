import Foundation
import HTTP
import HTTPServer
import Testing

/// The server against real clients: Vigil's own HTTP client and curl.
@Suite struct ServerClientTests {
    let client = HTTPClient()

    @Test func getWithOurClient() async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(server.addresses.first?.host == "127.0.0.1")
        let r = try await client.get("\(server.addresses[0].url)/hello", timeout: .seconds(5), bodyLimit: 1 << 20)
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "hello\n")
        #expect(r.contentType == "text/plain; charset=utf-8")
        #expect(r.headers["Date"]?.hasSuffix(" GMT") == true)
        let missing = try await client.get("\(server.addresses[0].url)/nope", timeout: .seconds(5), bodyLimit: 1 << 20)
        #expect(missing.status == 404)
        #expect(missing.reason == "Not Found")
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let client = HTTPClient()
        for i in 0..<25 {
            let r = try await client.get("\(server.addresses[0].url)/echo?i=\(i)", timeout: .seconds(5), bodyLimit: 1 << 20)
            #expect(r.headers["X-Query"] == "i=\(i)")
            #expect(r.timing.reusedConnection == (i > 0))
        }
        #expect(server.statistics.acceptedConnections == 1)
        #expect(server.statistics.requests == 25)
    }

    @Test(arguments: [0, 1, 1000, 70_000, 3_000_000])
    func postBodyRoundTrip(size: Int) async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let body = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let request = HTTPRequest(method: "POST", url: try HTTPURL("\(server.addresses[0].url)/echo"), body: body)
        let r = try await client.send(request, timeout: .seconds(10), bodyLimit: 8 << 20)
        #expect(r.status == 200)
        #expect(r.headers["X-Method"] == "POST")
        #expect(r.body == body)
    }

    @Test func largeResponses() async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let r = try await client.get("\(server.addresses[0].url)/big?size=5000000", timeout: .seconds(10), bodyLimit: 8 << 20)
        #expect(r.body.count == 5_000_000)
        #expect(r.body.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    @Test func formValuesFromQueryAndBody() async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        let request = HTTPRequest(method: "POST", url: try HTTPURL("\(server.addresses[0].url)/form?a=1&b=x%20y"), headers: headers,
                                  body: Array("query=sum%28rate%28x%5B5m%5D%29%29&time=1+2&bad=%zz".utf8))
        let r = try await client.send(request, timeout: .seconds(5), bodyLimit: 1 << 20)
        #expect(String(decoding: r.body, as: UTF8.self) == "a=1\nb=x y\nquery=sum(rate(x[5m]))\ntime=1 2\nbad=%zz")
    }

    @Test func concurrentClients() async throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let url = "\(server.addresses[0].url)/echo"
        let client = self.client
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<200 {
                group.addTask {
                    let body = Array("request \(i)".utf8)
                    let r = try await client.send(HTTPRequest(method: "POST", url: try HTTPURL(url), body: body),
                                                  timeout: .seconds(20), bodyLimit: 1 << 20)
                    return r.body == body
                }
            }
            var all: [Bool] = []
            for try await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0 })
        #expect(server.statistics.requests == 200)
    }

    // MARK: curl

    static let curl: String? = ["/usr/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func runCurl(_ args: [String], stdin: [UInt8]? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: curl ?? "/usr/bin/curl")
        p.arguments = ["--silent", "--show-error", "--max-time", "10"] + args
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(Data(stdin)) }
        try inp.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func curlGetAndKeepAlive() throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let base = server.addresses[0].url
        let r = try Self.runCurl(["--verbose", "\(base)/hello", "\(base)/echo?x=1"])
        #expect(r.status == 0)
        #expect(r.out == "hello\n")
        #expect(r.err.contains("< HTTP/1.1 200 OK"))
        // curl says so when it sends the second request on the first connection.
        #expect(r.err.lowercased().contains("re-using existing") || r.err.lowercased().contains("reusing existing"))
        #expect(server.statistics.acceptedConnections == 1)
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func curlPostWithExpectContinue() throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let body = [UInt8](repeating: UInt8(ascii: "b"), count: 200_000)
        // curl adds `Expect: 100-continue` itself only above a size that differs between versions: ask for it.
        let r = try Self.runCurl(["--verbose", "-H", "Expect: 100-continue", "--data-binary", "@-", "\(server.addresses[0].url)/echo"], stdin: body)
        #expect(r.status == 0)
        #expect(r.out.utf8.count == body.count)
        #expect(r.err.contains("HTTP/1.1 100 Continue"))
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func curlChunkedUpload() throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let body = Array((0..<100_000).map { UInt8(ascii: "a") + UInt8($0 % 26) })
        let r = try Self.runCurl(["-H", "Transfer-Encoding: chunked", "--data-binary", "@-", "\(server.addresses[0].url)/echo"], stdin: body)
        #expect(r.status == 0)
        #expect(Array(r.out.utf8) == body)
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func curlHead() throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        defer { server.stop() }
        let r = try Self.runCurl(["--head", "\(server.addresses[0].url)/big?size=1234"])
        #expect(r.status == 0)
        #expect(r.out.contains("Content-Length: 1234"))
    }
}
