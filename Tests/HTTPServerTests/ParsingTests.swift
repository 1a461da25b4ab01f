import Testing
@testable import HTTPServer

/// The parsing pieces on their own: heads, chunked framing fed byte by byte, targets, forms, dates.
@Suite struct ParsingTests {
    let limits = RequestHeadParser.Limits(maxHeaderCount: 10, maxBodyBytes: 1000)

    @Test func headFields() throws {
        let head = try RequestHeadParser.parse(Array("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: Keep-Alive, Close\r\nExpect: 100-Continue\r\n\r\n".utf8)[...], limits: limits)
        #expect(head.method == "POST")
        #expect(head.target == "/x")
        #expect(head.body == .length(3))
        #expect(!head.keepAlive)
        #expect(head.expectContinue)
        #expect(head.headers.count == 4)
        let same = try RequestHeadParser.parse(Array("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n".utf8)[...], limits: limits)
        #expect(same.body == .none)
        #expect(same.keepAlive)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: h\r\n" + String(repeating: "A: b\r\n", count: 11) + "\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1,2\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/1.1 \r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/0.9\r\nHost: h\r\n\r\n", 505),
        ("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n: empty\r\nHost: h\r\n\r\n", 400),
    ])
    func headFailures(text: String, status: Int) {
        #expect(throws: RequestFailure.self) { try RequestHeadParser.parse(Array(text.utf8)[...], limits: limits) }
        do {
            _ = try RequestHeadParser.parse(Array(text.utf8)[...], limits: limits)
        } catch {
            #expect(error.status == status)
        }
    }

    @Test func chunkedByteByByte() throws {
        let wire = Array("4\r\nWiki\r\n5;name=v\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\nNEXT".utf8)
        var decoder = ChunkedBodyDecoder(maxBodyBytes: 100, maxTrailerBytes: 100)
        var input: [UInt8] = []
        var offset = 0
        var done = false
        for b in wire {
            input.append(b)
            done = try decoder.feed(input, offset: &offset)
            if done { break }
        }
        #expect(done)
        #expect(String(decoding: decoder.body, as: UTF8.self) == "Wikipedia in\r\n\r\nchunks.")
        #expect(offset == wire.count - 4)
    }

    @Test func chunkedLimits() {
        var big = ChunkedBodyDecoder(maxBodyBytes: 10, maxTrailerBytes: 100)
        var off = 0
        #expect(throws: RequestFailure(413, "body larger than 10 bytes")) { _ = try big.feed(Array("b\r\n".utf8), offset: &off) }
        var long = ChunkedBodyDecoder(maxBodyBytes: 10, maxTrailerBytes: 100)
        off = 0
        #expect(throws: RequestFailure.self) { _ = try long.feed([UInt8](repeating: 0x30, count: 5000), offset: &off) }
        var trailer = ChunkedBodyDecoder(maxBodyBytes: 10, maxTrailerBytes: 20)
        off = 0
        #expect(throws: RequestFailure.self) {
            _ = try trailer.feed(Array(("0\r\n" + String(repeating: "T: v\r\n", count: 10)).utf8), offset: &off)
        }
    }

    @Test(arguments: [
        ("/a/b?c=d", "/a/b", "c=d"),
        ("/%7Euser/a%2Fb", "/~user/a/b", ""),
        ("/bad%zz%4", "/bad%zz%4", ""),
        ("http://host:8080", "/", ""),
        ("http://host:8080?q=1", "/", "q=1"),
        ("https://host/p/q?x", "/p/q", "x"),
        ("*", "*", ""),
        ("/x#frag", "/x", ""),
    ])
    func targets(target: String, path: String, query: String) {
        let t = RequestTarget(target)
        #expect(t.path == path)
        #expect(t.query == query)
    }

    @Test func forms() {
        let items = FormDecoding.items(Array("a=1&b=&c&=d&e=%E2%82%AC+x&&f=%ZZ".utf8))
        #expect(items.map(\.name) == ["a", "b", "c", "", "e", "f"])
        #expect(items.map(\.value) == ["1", "", "", "d", "€ x", "%ZZ"])
    }

    @Test func dates() {
        #expect(HTTPDate.format(epochSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(epochSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    @Test func encoderStatusAndBodyRules() {
        var e = ResponseEncoder(serverName: "vigil")
        let text = String(decoding: e.encode(.text("hi"), headRequest: false, close: false), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nServer: vigil\r\nDate: "))
        #expect(text.hasSuffix("Content-Length: 2\r\n\r\nhi"))
        let odd = String(decoding: e.encode(HTTPServerResponse(status: 42), headRequest: false, close: true), as: UTF8.self)
        #expect(odd.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
        #expect(odd.contains("Connection: close\r\n"))
    }
}
