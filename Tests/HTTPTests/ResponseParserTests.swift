import Testing
@testable import HTTP

/// The response parser on its own, fed in every possible split, so framing never depends on how the
/// bytes arrive.
@Suite struct ResponseParserTests {
    static let limits = ResponseParser.Limits(maxHeaderBytes: 4096, maxBodyBytes: 1000, maxEncodedBodyBytes: 2000)

    /// Feeds `text` in pieces of `step` bytes; returns the parser and the outcome of the last feed.
    func parse(_ text: String, step: Int, isHEAD: Bool = false, limits: ResponseParser.Limits = limits,
               eof: Bool = false) throws(HTTPError.Kind) -> (ResponseParser, ResponseParser.Outcome) {
        var p = ResponseParser(limits: limits, isHEAD: isHEAD)
        let bytes = Array(text.utf8)
        var outcome = ResponseParser.Outcome.needMore
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + step)
            let chunk = Array(bytes[i..<end])
            let result = chunk.withUnsafeBytes { raw in
                Result { () throws(HTTPError.Kind) -> ResponseParser.Outcome in try p.feed(raw) }
            }
            outcome = try result.get()
            if case .complete(let unconsumed) = outcome { return (p, .complete(unconsumed: unconsumed + bytes.count - end)) }
            i = end
        }
        if eof { try p.finishAtEOF() }
        return (p, outcome)
    }

    @Test(arguments: [1, 2, 3, 7, 1000])
    func contentLength(step: Int) throws {
        let (p, o) = try parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhelloEXTRA", step: step)
        #expect(o == .complete(unconsumed: 5))
        #expect(p.status == 200 && p.reason == "OK" && p.body == Array("hello".utf8) && p.keepAlive)
        #expect(p.headers["content-type"] == "text/plain")
    }

    @Test(arguments: [1, 2, 5, 1000])
    func chunkedWithExtensionsAndTrailers(step: Int) throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=v\r\nhello\r\nA \r\n, world!!!\r\n0\r\nX-T: 1\r\nX-U: 2\r\n\r\n"
        let (p, o) = try parse(text, step: step)
        #expect(o == .complete(unconsumed: 0))
        #expect(String(decoding: p.body, as: UTF8.self) == "hello, world!!!")
    }

    @Test(arguments: [1, 4, 1000])
    func untilClose(step: Int) throws {
        let (p, _) = try parse("HTTP/1.0 200 OK\r\n\r\nabc", step: step, eof: true)
        #expect(p.isComplete && p.body == Array("abc".utf8) && !p.keepAlive)
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false),
        ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", true),
        ("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false),
        ("HTTP/1.1 200 OK\r\nConnection: Keep-Alive, Close\r\nContent-Length: 0\r\n\r\n", false),
    ])
    func keepAliveRules(text: String, keepAlive: Bool) throws {
        let (p, _) = try parse(text, step: 1000)
        #expect(p.keepAlive == keepAlive)
    }

    @Test func noBodyStatusesAndHEAD() throws {
        #expect(try parse("HTTP/1.1 204 No Content\r\n\r\n", step: 3).1 == .complete(unconsumed: 0))
        #expect(try parse("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", step: 3).1 == .complete(unconsumed: 0))
        #expect(try parse("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n", step: 3, isHEAD: true).1 == .complete(unconsumed: 0))
        let (p, _) = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nz", step: 2)
        #expect(p.status == 201 && p.body == [UInt8(ascii: "z")] && !p.headers.contains("Link"))
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n", HTTPError.Kind.bodySizeLimitExceeded(1000)),
        ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 2001\r\n\r\n", .bodySizeLimitExceeded(2000)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3E9\r\n", .bodySizeLimitExceeded(1000)),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n", .malformedResponse("http chunk length too large")),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", .malformedResponse("empty chunk length")),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n", .malformedResponse("malformed chunked encoding")),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", .malformedResponse("unsupported transfer encoding: \"gzip\"")),
        ("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .malformedResponse("message cannot contain multiple Content-Length headers")),
        ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", .malformedResponse("bad Content-Length \"-1\"")),
        ("HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n", .malformedResponse("malformed MIME header line: \"Bad Header: x\"")),
        ("HTTP/1.1 200 OK\r\n folded\r\n\r\n", .malformedResponse("malformed MIME header line: \" folded\"")),
        ("HTTP/2.0 200 OK\r\n\r\n", .malformedResponse("malformed HTTP version \"HTTP/2.0\"")),
        ("HTTP/1.1 20 OK\r\n\r\n", .malformedResponse("malformed HTTP status code \"20\"")),
        ("\u{1}\u{2}\r\n\r\n", .malformedResponse("malformed HTTP response \"\\x01\\x02\"")),
        ("HTTP/1.1 101 Switching Protocols\r\n\r\n", .malformedResponse("unexpected 101 Switching Protocols")),
    ])
    func errors(text: String, expected: HTTPError.Kind) {
        for step in [1, 1000] {
            #expect(throws: expected) { _ = try parse(text, step: step) }
        }
    }

    @Test func headerAndTrailerLimits() {
        let big = "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 5000) + "\r\n\r\n"
        #expect(throws: HTTPError.Kind.headerSizeLimitExceeded(4096)) { _ = try parse(big, step: 100) }
        let trailers = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + String(repeating: "X-T: 1\r\n", count: 600)
        #expect(throws: HTTPError.Kind.headerSizeLimitExceeded(4096)) { _ = try parse(trailers, step: 100) }
    }

    @Test func eofKinds() {
        #expect(throws: HTTPError.Kind.eof) { _ = try parse("", step: 1, eof: true) }
        #expect(throws: HTTPError.Kind.unexpectedEOF) { _ = try parse("HTTP/1.1 200 OK\r\nContent-Le", step: 1, eof: true) }
        #expect(throws: HTTPError.Kind.unexpectedEOF) { _ = try parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", step: 1, eof: true) }
        #expect(throws: HTTPError.Kind.unexpectedEOF) { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", step: 1, eof: true) }
    }

    @Test func requestEncoding() throws {
        var headers = HTTPHeaders()
        headers.set("Accept", "application/json")
        headers.set("Content-Length", "999")
        let request = HTTPRequest(method: "POST", url: try HTTPURL("http://[::1]:8080/api?x=1"), headers: headers, body: Array("{}".utf8))
        let bytes = try RequestEncoder.encode(request, authorization: .basic(username: "a", password: "b"), userAgent: "Vigil/0.1", acceptEncoding: "gzip")
        #expect(String(decoding: bytes, as: UTF8.self) == "POST /api?x=1 HTTP/1.1\r\nHost: [::1]:8080\r\nUser-Agent: Vigil/0.1\r\nAccept-Encoding: gzip\r\n"
            + "Authorization: Basic YTpi\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}")
        #expect(throws: HTTPError.Kind.invalidRequest("invalid method \"GE T\"")) {
            _ = try RequestEncoder.encode(HTTPRequest(method: "GE T", url: request.url), authorization: nil, userAgent: "x", acceptEncoding: nil)
        }
    }
}
