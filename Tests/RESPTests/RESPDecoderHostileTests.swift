import Testing
@testable import RESP

private func b(_ s: String) -> [UInt8] { Array(s.utf8) }

/// Byte streams a broken or hostile server could send: each must give a clear error (with the
/// byte offset) without crashing or allocating what the stream merely declares.
@Suite struct RESPDecoderHostileTests {
    static let small = RESPLimits(maxBulkLength: 1000, maxArrayLength: 100, maxDepth: 4, maxReplySize: 4096, maxLineLength: 64)

    static let cases: [(String, RESPProtocolError)] = [
        ("hello\r\n", .init(.unexpectedTypeByte(UInt8(ascii: "h")), offset: 0)),
        ("\r\n", .init(.unexpectedTypeByte(13), offset: 0)),
        ("%1\r\n+a\r\n+b\r\n", .init(.resp3Type(UInt8(ascii: "%")), offset: 0)),
        ("_\r\n", .init(.resp3Type(UInt8(ascii: "_")), offset: 0)),
        ("$1001\r\n", .init(.bulkTooLong(declared: 1001, limit: 1000), offset: 1)),
        ("$9223372036854775807\r\n", .init(.bulkTooLong(declared: .max, limit: 1000), offset: 1)),
        ("$99999999999999999999999\r\n", .init(.invalidInteger("99999999999999999999999"), offset: 1)),
        ("$-2\r\n", .init(.negativeLength(-2), offset: 1)),
        ("*-5\r\n", .init(.negativeLength(-5), offset: 1)),
        ("*101\r\n", .init(.arrayTooLong(declared: 101, limit: 100), offset: 1)),
        ("*9223372036854775807\r\n", .init(.arrayTooLong(declared: .max, limit: 100), offset: 1)),
        ("*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n", .init(.tooDeep(limit: 4), offset: 16)),
        (":\r\n", .init(.invalidInteger(""), offset: 1)),
        (":-\r\n", .init(.invalidInteger("-"), offset: 1)),
        (":12a\r\n", .init(.invalidInteger("12a"), offset: 1)),
        (": 1\r\n", .init(.invalidInteger(" 1"), offset: 1)),
        (":9223372036854775808\r\n", .init(.invalidInteger("9223372036854775808"), offset: 1)),
        ("$\r\n", .init(.invalidInteger(""), offset: 1)),
        ("+OK\n", .init(.missingCRLF, offset: 3)),
        ("+O\rK\r\n", .init(.missingCRLF, offset: 2)),
        ("$3\r\nfooXY", .init(.missingCRLF, offset: 7)),
        ("$3\r\nfoo\n\n", .init(.missingCRLF, offset: 7)),
        ("+" + String(repeating: "a", count: 65), .init(.lineTooLong(limit: 64), offset: 1)),
    ]

    @Test(arguments: cases) func rejects(_ input: String, _ expected: RESPProtocolError) {
        var d = RESPDecoder(limits: Self.small)
        d.feed(b(input))
        #expect(throws: expected) { while try d.next() != nil {} }
        // The decoder stays failed: the stream is out of step.
        #expect(throws: expected) { try d.next() }
    }

    @Test func replyTooLargeIsCaughtBeforeBuffering() {
        var d = RESPDecoder(limits: Self.small)
        // Four 999-byte bulk strings in one array exceed the 4096-byte reply budget; the fifth header
        // is rejected as soon as it is read, before its bytes arrive.
        var s = b("*5\r\n")
        for _ in 0..<4 { s += b("$999\r\n") + [UInt8](repeating: 0x61, count: 999) + b("\r\n") }
        s += b("$999\r\n")
        d.feed(s)
        #expect(throws: RESPProtocolError(.replyTooLarge(limit: 4096), offset: 4 + 4 * 1007)) { try d.next() }
    }

    @Test func replyBudgetCountsSmallElementsToo() {
        var d = RESPDecoder(limits: RESPLimits(maxArrayLength: 10_000, maxReplySize: 1000))
        d.feed(b("*1000\r\n"))
        #expect(throws: RESPProtocolError.self) {
            for _ in 0..<1000 {
                d.feed(b(":1\r\n"))
                _ = try d.next()
            }
        }
    }

    @Test func budgetResetsBetweenReplies() throws {
        var d = RESPDecoder(limits: RESPLimits(maxReplySize: 16))
        for _ in 0..<100 {
            d.feed(b("$5\r\nhello\r\n"))  // 11 bytes each
            #expect(try d.next() == .bulkString(b("hello")))
        }
    }

    @Test func deepNestingWithDefaultLimits() {
        var d = RESPDecoder()
        d.feed(Array(repeating: b("*1\r\n"), count: 100_000).flatMap { $0 })
        #expect(throws: RESPProtocolError(.tooDeep(limit: 32), offset: 32 * 4)) { try d.next() }
    }

    @Test func hugeDeclaredArrayAllocatesNothingUpFront() throws {
        // Accepted by the default limits, but only the elements actually received are stored.
        var d = RESPDecoder()
        d.feed(b("*4000000\r\n:1\r\n"))
        #expect(try d.next() == nil)
        #expect(d.hasPartialReply)
    }

    @Test func hugeDeclaredBulkWaitsWithoutAllocating() throws {
        var d = RESPDecoder()
        d.feed(b("$60000000\r\nabc"))
        #expect(try d.next() == nil)
        #expect(d.bufferedByteCount == 14)
    }

    @Test func longIntegerTextIsShortenedInTheError() {
        var d = RESPDecoder()
        d.feed(b(":" + String(repeating: "9", count: 1000) + "\r\n"))
        do {
            _ = try d.next()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.count < 120)
            #expect(error.description.hasPrefix("RESP protocol error at byte 1: invalid integer"))
        }
    }

    /// Random and mutated streams: the decoder must only ever return values, nil, or an error.
    @Test func fuzzNeverCrashes() {
        var rng = SplitMix(seed: 0x5EED)
        let tokens = ["+", "-", ":", "$", "*", "\r\n", "\r", "\n", "0", "1", "-1", "9", "99999999999", "OK", "%", "\u{0}", "*1\r\n", "$3\r\n"]
        let valid = RESPDecoderTests.stream
        for round in 0..<3000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = []
                for _ in 0..<Int(rng.next() % 40) { input += b(tokens[Int(rng.next() % UInt64(tokens.count))]) }
            } else {
                input = valid
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    input[Int(rng.next() % UInt64(input.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            var d = RESPDecoder(limits: Self.small)
            var offset = 0
            var steps = 0
            outer: while offset < input.count {
                let end = min(input.count, offset + 1 + Int(rng.next() % 16))
                d.feed(input[offset..<end])
                offset = end
                do {
                    while try d.next() != nil {
                        steps += 1
                        if steps > 10_000 { break outer }
                    }
                } catch {
                    #expect(error.offset >= 0 && error.offset <= input.count)
                    break
                }
            }
        }
    }
}
