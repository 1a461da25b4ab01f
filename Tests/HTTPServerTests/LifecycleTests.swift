import Foundation
import Glibc
import HTTP
import HTTPServer
import Synchronization
import Testing

/// Listening, several listeners, worker threads, and stopping.
@Suite struct LifecycleTests {
    @Test(arguments: [
        ("nonsense", "missing port"),
        ("127.0.0.1:99999", "invalid port"),
        ("127.0.0.1:", "invalid port"),
        ("[::1", "missing ']'"),
        ("::1:80", "too many colons"),
        ("300.1.1.1:0", "lookup 300.1.1.1"),
    ])
    func badListenAddresses(address: String, message: String) {
        #expect {
            _ = try HTTPServer(listen: address, handler: TestHandlers.routes)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func portInUseIsReported() throws {
        let first = try HTTPServer(handler: TestHandlers.routes)
        defer { first.stop() }
        #expect {
            _ = try HTTPServer(listen: "127.0.0.1:\(first.port)", handler: TestHandlers.routes)
        } throws: { error in
            "\(error)" == "listen tcp 127.0.0.1:\(first.port): bind: address already in use"
        }
    }

    @Test func severalListenersInOneServer() async throws {
        var addresses = ["127.0.0.1:0", "localhost:0"]
        let hasIPv6 = (try? HTTPServer(listen: "[::1]:0", handler: TestHandlers.routes))?.stop() != nil
        if hasIPv6 { addresses.append("[::1]:0") }
        let server = try HTTPServer(listen: addresses, handler: TestHandlers.routes)
        defer { server.stop() }
        #expect(server.addresses.count == addresses.count)
        #expect(Set(server.addresses.map(\.port)).count == addresses.count)
        let client = HTTPClient()
        for a in server.addresses {
            let r = try await client.get("\(a.url)/hello", timeout: .seconds(5), bodyLimit: 1024)
            #expect(r.status == 200)
        }
        if hasIPv6 { #expect(server.addresses[2].description.hasPrefix("[::1]:")) }
    }

    @Test func wildcardListenerServesLoopback() async throws {
        let server = try HTTPServer(listen: ":0", handler: TestHandlers.routes)
        defer { server.stop() }
        let r = try await HTTPClient().get("http://127.0.0.1:\(server.port)/hello", timeout: .seconds(5), bodyLimit: 1024)
        #expect(r.status == 200)
    }

    @Test func stopClosesListenersAndConnections() throws {
        let server = try HTTPServer(handler: TestHandlers.routes)
        let port = server.port
        let open = try RawClient(port: port)
        try open.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try open.readResponse()
        server.stop()
        #expect(open.isClosed())
        #expect(throws: RawClient.Failure.self) { _ = try RawClient(port: port) }
        server.stop()
        // The port is free again at once.
        let again = try HTTPServer(listen: "127.0.0.1:\(port)", handler: TestHandlers.routes)
        again.stop()
    }

    @Test func stopFromInsideTheHandler() throws {
        let box = Mutex<HTTPServer?>(nil)
        let server = try HTTPServer { request in
            if request.path == "/stop" { box.withLock { $0 }?.stop() }
            return .text("bye\n")
        }
        box.withLock { $0 = server }
        let c = try RawClient(port: server.port)
        try c.send("GET /stop HTTP/1.1\r\nHost: a\r\n\r\n")
        // The handler returned; the server ends after it (the response may or may not get out).
        _ = try? c.readResponse()
        server.stop()
        #expect(throws: RawClient.Failure.self) { _ = try RawClient(port: server.port) }
        box.withLock { $0 = nil }
    }

    @Test func workersKeepTheLoopFreeForOthers() throws {
        let server = try HTTPServer(options: HTTPServerOptions(handlerThreads: 2), handler: TestHandlers.routes)
        defer { server.stop() }
        let slow = try RawClient(port: server.port)
        try slow.send("GET /slow?ms=800 HTTP/1.1\r\nHost: a\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.05)
        let start = Date()
        let fast = try RawClient(port: server.port)
        try fast.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try fast.readResponse().status == 200)
        let fastTime = Date().timeIntervalSince(start)
        #expect(try slow.readResponse().text == "slow\n")
        // The fast answer did not wait for the slow handler (loosely: the machine is shared).
        #expect(fastTime < 0.7)
        // Pipelined requests on one connection still answer in order through the workers.
        let c = try RawClient(port: server.port)
        try c.send((0..<10).map { "GET /echo?n=\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined())
        for i in 0..<10 { #expect(try c.readResponse().header("X-Query") == "n=\(i)") }
    }

    @Test func stopWaitsForRunningWorkers() throws {
        let server = try HTTPServer(options: HTTPServerOptions(handlerThreads: 1), handler: TestHandlers.routes)
        let c = try RawClient(port: server.port)
        try c.send("GET /slow?ms=300 HTTP/1.1\r\nHost: a\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let start = Date()
        server.stop()
        #expect(Date().timeIntervalSince(start) >= 0.1)
        #expect(c.isClosed())
    }

    @Test func requestFields() throws {
        let seen = Mutex<HTTPServerRequest?>(nil)
        let server = try HTTPServer { r in
            seen.withLock { $0 = r }
            return .status(204)
        }
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("OPTIONS http://example.com/a%20b/c?x=1&y=%41#frag HTTP/1.1\r\nHost: example.com\r\nX-Two: 1\r\nx-two: 2\r\n\r\n")
        #expect(try c.readResponse().status == 204)
        let r = try #require(seen.withLock { $0 })
        #expect(r.method == "OPTIONS")
        #expect(r.path == "/a b/c")
        #expect(r.query == "x=1&y=%41")
        #expect(r.queryValue("y") == "A")
        #expect(r.headerValues("X-TWO") == ["1", "2"])
        #expect(r.minorVersion == 1)
        #expect(r.localAddress == "127.0.0.1:\(server.port)")
        #expect(r.remoteAddress.hasPrefix("127.0.0.1:"))
    }
}
