import Testing
@testable import RESP

private func b(_ s: String) -> [UInt8] { Array(s.utf8) }
private func bulk(_ s: String) -> RESPValue { .bulkString(b(s)) }

/// Decodes everything in `bytes` fed in one piece.
func decodeAll(_ bytes: [UInt8], limits: RESPLimits = .default) throws(RESPProtocolError) -> [RESPValue] {
    var d = RESPDecoder(limits: limits)
    d.feed(bytes)
    var out: [RESPValue] = []
    while let v = try d.next() { out.append(v) }
    return out
}

@Suite struct RESPDecoderTests {
    static let cases: [(String, RESPValue)] = [
        ("+OK\r\n", .simpleString("OK")),
        ("+\r\n", .simpleString("")),
        ("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
         .error("WRONGTYPE Operation against a key holding the wrong kind of value")),
        (":0\r\n", .integer(0)),
        (":-42\r\n", .integer(-42)),
        (":9223372036854775807\r\n", .integer(.max)),
        (":-9223372036854775808\r\n", .integer(.min)),
        ("$5\r\nhello\r\n", bulk("hello")),
        ("$0\r\n\r\n", bulk("")),
        ("$4\r\na\r\nb\r\n", bulk("a\r\nb")),
        ("$-1\r\n", .null),
        ("*-1\r\n", .null),
        ("*0\r\n", .array([])),
        ("*2\r\n$1\r\na\r\n:1\r\n", .array([bulk("a"), .integer(1)])),
        ("*2\r\n*1\r\n+x\r\n*0\r\n", .array([.array([.simpleString("x")]), .array([])])),
        ("*3\r\n$-1\r\n*-1\r\n-ERR x\r\n", .array([.null, .null, .error("ERR x")])),
    ]

    @Test(arguments: cases) func decodesEachType(_ input: String, _ expected: RESPValue) throws {
        #expect(try decodeAll(b(input)) == [expected])
    }

    /// A stream holding every type, including nested arrays and binary bulk strings.
    static let stream: [UInt8] = b("+PONG\r\n:1000\r\n$-1\r\n*-1\r\n-NOAUTH Authentication required.\r\n")
        + b("*2\r\n$1\r\n0\r\n*3\r\n$5\r\njob:1\r\n$5\r\njob:2\r\n$0\r\n\r\n")
        + b("*1\r\n*12\r\n$4\r\nname\r\n$1\r\ng\r\n$9\r\nconsumers\r\n:1\r\n$7\r\npending\r\n:2\r\n")
        + b("$17\r\nlast-delivered-id\r\n$3\r\n1-0\r\n$12\r\nentries-read\r\n:2\r\n$3\r\nlag\r\n$-1\r\n")
        + b("$3\r\n") + [0xFF, 0x00, 0x0D] + b("\r\n")

    static let expected: [RESPValue] = [
        .simpleString("PONG"), .integer(1000), .null, .null, .error("NOAUTH Authentication required."),
        .array([bulk("0"), .array([bulk("job:1"), bulk("job:2"), bulk("")])]),
        .array([.array([bulk("name"), bulk("g"), bulk("consumers"), .integer(1), bulk("pending"), .integer(2),
                        bulk("last-delivered-id"), bulk("1-0"), bulk("entries-read"), .integer(2), bulk("lag"), .null])]),
        .bulkString([0xFF, 0x00, 0x0D]),
    ]

    @Test func decodesWholeStream() throws {
        #expect(try decodeAll(Self.stream) == Self.expected)
    }

    @Test func partialReadsAtEverySplitPoint() throws {
        for split in 0...Self.stream.count {
            var d = RESPDecoder()
            var out: [RESPValue] = []
            d.feed(Self.stream[..<split])
            while let v = try d.next() { out.append(v) }
            d.feed(Self.stream[split...])
            while let v = try d.next() { out.append(v) }
            #expect(out == Self.expected, "split at \(split)")
            #expect(!d.hasPartialReply)
        }
    }

    @Test func partialReadsAtEveryPairOfSplitPoints() throws {
        let s = Self.stream
        for i in stride(from: 0, through: s.count, by: 3) {
            for j in stride(from: i, through: s.count, by: 5) {
                var d = RESPDecoder()
                var out: [RESPValue] = []
                for part in [s[..<i], s[i..<j], s[j...]] {
                    d.feed(part)
                    while let v = try d.next() { out.append(v) }
                }
                #expect(out == Self.expected, "splits at \(i), \(j)")
            }
        }
    }

    @Test func byteAtATime() throws {
        var d = RESPDecoder()
        var out: [RESPValue] = []
        for byte in Self.stream {
            d.feed(CollectionOfOne(byte))
            while let v = try d.next() { out.append(v) }
        }
        #expect(out == Self.expected)
    }

    @Test func incompleteInputReturnsNil() throws {
        for prefix in ["", "+OK", "+OK\r", ":12", "$5\r\nhel", "$5\r\nhello", "$5\r\nhello\r", "*2\r\n:1\r\n", "*1\r\n*1\r\n"] {
            var d = RESPDecoder()
            d.feed(b(prefix))
            #expect(try d.next() == nil, "\(prefix.debugDescription)")
        }
    }

    @Test func largeReplyInManyReadsIsAssembled() throws {
        var payload = b("*20000\r\n")
        for i in 0..<20000 { payload += b("$\(String(i).utf8.count)\r\n\(i)\r\n") }
        var d = RESPDecoder()
        var result: RESPValue?
        var offset = 0
        while offset < payload.count {
            let end = min(offset + 1000, payload.count)
            d.feed(payload[offset..<end])
            offset = end
            if let v = try d.next() { result = v }
        }
        let items = try #require(result?.array)
        #expect(items.count == 20000)
        #expect(items[19999] == bulk("19999"))
    }

    @Test func errorOffsetsAreAbsoluteAcrossCompaction() throws {
        var d = RESPDecoder()
        for _ in 0..<10_000 {
            d.feed(b("+OK\r\n"))
            #expect(try d.next() == .simpleString("OK"))
        }
        d.feed(b("?"))
        #expect(throws: RESPProtocolError(.unexpectedTypeByte(UInt8(ascii: "?")), offset: 50_000)) { try d.next() }
    }
}
