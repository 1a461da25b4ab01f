import Testing
@testable import RESP

@Suite struct RESPValueTests {
    @Test func accessors() {
        #expect(RESPValue.bulkString(Array("42".utf8)).integer == 42)
        #expect(RESPValue.integer(7).integer == 7)
        #expect(RESPValue.null.integer == nil)
        #expect(RESPValue.bulkString(Array("1700000000.5".utf8)).double == 1_700_000_000.5)
        #expect(RESPValue.bulkString(Array("-inf".utf8)).double == -.infinity)
        #expect(RESPValue.simpleString("OK").string == "OK")
        #expect(RESPValue.bulkString([0xFF]).string == "\u{FFFD}")
        #expect(RESPValue.error("WRONGTYPE Operation against a key").errorCode == "WRONGTYPE")
        #expect(RESPValue.error("ERR").errorCode == "ERR")
        #expect(RESPValue.integer(1).errorCode == nil)
    }

    @Test func fieldMapOfAlternatingArray() throws {
        let v = RESPValue.array([.bulkString(Array("pending".utf8)), .integer(2), .bulkString(Array("lag".utf8)), .null])
        let map = try #require(v.fieldMap)
        #expect(map["pending"] == .integer(2))
        #expect(map["lag"] == .null)
        #expect(RESPValue.array([.integer(1)]).fieldPairs == nil)
        #expect(RESPValue.array([.integer(1), .integer(2)]).fieldPairs == nil)
    }

    @Test func description() {
        #expect(RESPValue.array([.integer(1), .null, .error("ERR x"), .bulkString(Array("a".utf8))]).description
            == "[(integer) 1, (nil), (error) ERR x, \"a\"]")
    }
}
