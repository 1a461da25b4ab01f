import Foundation
import Glibc
import HTTPServer
import Testing

/// What a hostile or broken client sends: garbage, smuggling attempts, oversized heads and bodies,
/// trickled bytes, clients that never read, floods of connections. The server answers with the
/// right status or closes, and keeps serving everyone else.
@Suite struct HostileInputTests {
    static let badRequests: [(String, Int)] = [
        ("GARBAGE\r\n\r\n", 400),
        ("\u{1}\u{2}\u{3} / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 501),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx", 417),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFF\r\n", 413),
    ]

    static func smallServer(_ tweak: (inout HTTPServerOptions) -> Void = { _ in }) throws -> HTTPServer {
        var options = HTTPServerOptions(maxHeaderBytes: 8192, maxHeaderCount: 50, maxBodyBytes: 1 << 20)
        tweak(&options)
        return try HTTPServer(options: options, handler: TestHandlers.routes)
    }

    @Test(arguments: badRequests)
    func malformedRequestGetsStatusAndClose(request: String, status: Int) throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send(request)
        let r = try c.readResponse()
        #expect(r.status == status)
        #expect(r.header("Connection") == "close")
        #expect(c.isClosed())
        #expect(server.statistics.rejectedRequests == 1)
        // Everyone else is still served.
        let ok = try RawClient(port: server.port)
        try ok.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try ok.readResponse().status == 200)
    }

    @Test func randomGarbageNeverStopsTheServer() throws {
        let server = try Self.smallServer { $0.headerTimeout = .milliseconds(100) }
        defer { server.stop() }
        var rng = SplitMix(seed: 42)
        for round in 0..<40 {
            let c = try RawClient(port: server.port, timeout: 2)
            let n = Int(rng.next() % 3000) + 1
            var bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if round % 3 == 0 { bytes += Array("\r\n\r\n".utf8) }
            try? c.send(bytes)
            // Either a 4xx/5xx and a close, or a close on the head timeout: never a hang or a crash.
            if let r = try? c.readResponse() { #expect(r.status >= 400) }
        }
        let ok = try RawClient(port: server.port)
        try ok.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try ok.readResponse().text == "hello\n")
    }

    @Test func oversizedHeadGets431() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let big = try RawClient(port: server.port)
        try big.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "x", count: 20_000) + "\r\n\r\n")
        #expect(try big.readResponse().status == 431)
        // A head that never ends is cut off at the limit, not buffered forever.
        let endless = try RawClient(port: server.port)
        try? endless.send("GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: b\r\n", count: 2000))
        #expect(try endless.readResponse().status == 431)
        let many = try RawClient(port: server.port)
        try many.send("GET / HTTP/1.1\r\nHost: a\r\n" + (0..<60).map { "X-\($0): v\r\n" }.joined() + "\r\n")
        #expect(try many.readResponse().status == 431)
    }

    @Test func pipelinedRequestsAnswerInOrder() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        var all = ""
        for i in 0..<20 { all += "GET /echo?n=\(i) HTTP/1.1\r\nHost: a\r\n\r\n" }
        all += "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody"
        all += "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: x\r\n\r\n"
        all += "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
        try c.send(all)
        for i in 0..<20 { #expect(try c.readResponse().header("X-Query") == "n=\(i)") }
        #expect(try c.readResponse().text == "body")
        #expect(try c.readResponse().text == "abcde")
        let last = try c.readResponse()
        #expect(last.text == "hello\n")
        #expect(last.header("Connection") == "close")
        #expect(c.isClosed())
    }

    @Test func thousandsOfPipelinedRequestsInOneWrite() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port, timeout: 20)
        // 24 bytes each: over 2000 land in one read and are answered in a loop, not by recursion.
        for _ in 0..<4 {
            try c.send(String(repeating: "GET / HTTP/1.1\nHost: a\n\n", count: 2500))
            for _ in 0..<2500 { #expect(try c.readResponse().status == 404) }
        }
        #expect(server.statistics.requests == 10_000)
        #expect(server.statistics.acceptedConnections == 1)
    }

    @Test func leadingBlankLinesAndBareLFAreAccepted() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("\r\n\r\nGET /hello HTTP/1.1\nHost: a\n\n")
        #expect(try c.readResponse().status == 200)
    }

    @Test func http10ClosesUnlessKeepAlive() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("GET /hello HTTP/1.0\r\n\r\n")
        let r = try c.readResponse()
        #expect(r.status == 200)
        #expect(r.header("Connection") == "close")
        #expect(c.isClosed())
        let k = try RawClient(port: server.port)
        try k.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try k.readResponse().header("Connection") == nil)
        #expect(try k.readResponse().status == 200)
    }

    @Test func headAndBodylessStatuses() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("HEAD /big?size=777 HTTP/1.1\r\nHost: a\r\n\r\nGET /nocontent HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        let head = try c.readResponse(head: true)
        #expect(head.header("Content-Length") == "777")
        let none = try c.readResponse()
        #expect(none.status == 204)
        #expect(none.header("Content-Length") == nil)
        // Had either carried a body, this would read it instead of the next response.
        #expect(try c.readResponse().text == "hello\n")
    }

    @Test func handlerHeadersCannotBreakTheResponse() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("GET /evil HTTP/1.1\r\nHost: a\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        let r = try c.readResponse()
        #expect(r.header("Injected") == nil)
        #expect(r.header("X-Evil") == "a  Injected: yes")
        #expect(r.header("Content-Length") == "2")
        #expect(r.text == "ok")
        #expect(try c.readResponse().text == "hello\n")
    }

    @Test func slowlorisIsCutOffAtTheHeadTimeout() throws {
        let server = try Self.smallServer { $0.headerTimeout = .milliseconds(400) }
        defer { server.stop() }
        let slow = try RawClient(port: server.port)
        try slow.send("GET / HTTP/1.1\r\nHost: a\r\n")
        let start = Date()
        var cut = false
        // One header byte every 50 ms: it would take minutes to finish; the server stops it.
        for _ in 0..<80 {
            do {
                try slow.send("X")
            } catch {
                cut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
            // Meanwhile others are served at once.
            if Date().timeIntervalSince(start) < 0.2 {
                let other = try RawClient(port: server.port)
                try other.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try other.readResponse().status == 200)
            }
        }
        if !cut {
            #expect(try slow.readResponse().status == 408)
        }
        #expect(Date().timeIntervalSince(start) < 3.5)
        #expect(server.statistics.timeouts >= 1)
    }

    @Test func silentAndIdleConnectionsAreClosed() throws {
        let server = try Self.smallServer {
            $0.headerTimeout = .milliseconds(300)
            $0.idleTimeout = .milliseconds(300)
        }
        defer { server.stop() }
        let silent = try RawClient(port: server.port)
        let idle = try RawClient(port: server.port)
        try idle.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try idle.readResponse().status == 200)
        Thread.sleep(forTimeInterval: 0.7)
        #expect(silent.isClosed())
        #expect(idle.isClosed())
        #expect(server.statistics.openConnections == 0)
    }

    @Test func slowBodyIsCutOffAtTheBodyTimeout() throws {
        let server = try Self.smallServer { $0.bodyTimeout = .milliseconds(300) }
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly a part")
        Thread.sleep(forTimeInterval: 0.6)
        #expect(c.isClosed())
    }

    @Test func clientThatNeverReadsIsDropped() throws {
        let server = try Self.smallServer { $0.writeTimeout = .milliseconds(300) }
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        var small: Int32 = 4096
        setsockopt(c.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        try c.send("GET /big?size=50000000 HTTP/1.1\r\nHost: a\r\n\r\n")
        var waited = 0
        while server.statistics.timeouts == 0 && waited < 50 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 1
        }
        #expect(server.statistics.timeouts == 1)
        #expect(server.statistics.openConnections == 0)
    }

    @Test func manyConnectionsAtOnce() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let clients = try (0..<300).map { _ in try RawClient(port: server.port) }
        for (i, c) in clients.enumerated() { try c.send("GET /echo?c=\(i) HTTP/1.1\r\nHost: a\r\n\r\n") }
        for (i, c) in clients.enumerated() { #expect(try c.readResponse().header("X-Query") == "c=\(i)") }
        #expect(server.statistics.openConnections == 300)
    }

    @Test func connectionLimitEvictsIdleThenRefuses() throws {
        let server = try Self.smallServer { $0.maxConnections = 3 }
        defer { server.stop() }
        let kept = try RawClient(port: server.port)
        try kept.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try kept.readResponse()
        let a = try RawClient(port: server.port)
        let b = try RawClient(port: server.port)
        Thread.sleep(forTimeInterval: 0.1)
        // Full: the idle kept-alive connection makes room for the new one.
        let c = try RawClient(port: server.port)
        try c.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try c.readResponse().status == 200)
        #expect(kept.isClosed())
        // Full of connections that are mid-request or fresh: the next is refused with 503.
        try a.send("GET /hel")
        try c.send("GET /hel")
        Thread.sleep(forTimeInterval: 0.1)
        let d = try RawClient(port: server.port)
        #expect(try d.readResponse().status == 503)
        _ = b
    }

    @Test func truncatedRequestsJustClose() throws {
        let server = try Self.smallServer()
        defer { server.stop() }
        let c = try RawClient(port: server.port)
        try c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        shutdown(c.fd, Int32(SHUT_WR))
        #expect(c.isClosed())
        let h = try RawClient(port: server.port)
        try h.send("GET /hello HTTP/1.1\r\nHo")
        shutdown(h.fd, Int32(SHUT_WR))
        #expect(h.isClosed())
        // A complete request followed by EOF still gets its answer.
        let e = try RawClient(port: server.port)
        try e.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        shutdown(e.fd, Int32(SHUT_WR))
        #expect(try e.readResponse().text == "hello\n")
        #expect(e.isClosed())
    }
}

/// A small deterministic generator for fuzz inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
