import Testing
@testable import RESP

@Suite struct RESPEncoderTests {
    @Test func encodesArrayOfBulkStrings() {
        #expect(RESPEncoder.encode(["LLEN", "queue"]) == Array("*2\r\n$4\r\nLLEN\r\n$5\r\nqueue\r\n".utf8))
    }

    @Test func encodesEmptyAndMultibyteArguments() {
        #expect(RESPEncoder.encode(["SET", "", "é"]) == Array("*3\r\n$3\r\nSET\r\n$0\r\n\r\n$2\r\né\r\n".utf8))
    }

    @Test func argumentsAreBinarySafe() {
        let encoded = RESPEncoder.encode(["SET", "k", "a\r\nb"])
        #expect(encoded == Array("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\na\r\nb\r\n".utf8))
        var bytes: [UInt8] = []
        RESPEncoder.append(bytes: [[0x47, 0x45, 0x54], [0xFF, 0x00]], to: &bytes)
        #expect(bytes == Array("*2\r\n$3\r\nGET\r\n$2\r\n".utf8) + [0xFF, 0x00, 13, 10])
    }

    @Test func pipelineIsConcatenation() {
        let p = RESPEncoder.encode(pipeline: [["PING"], ["TYPE", "k"]])
        #expect(p == RESPEncoder.encode(["PING"]) + RESPEncoder.encode(["TYPE", "k"]))
    }

    @Test func decoderReadsWhatEncoderWrites() throws {
        // A command is itself a valid RESP array of bulk strings.
        var d = RESPDecoder()
        d.feed(RESPEncoder.encode(["XINFO", "GROUPS", "stream"]))
        #expect(try d.next() == .array([.bulkString(Array("XINFO".utf8)), .bulkString(Array("GROUPS".utf8)), .bulkString(Array("stream".utf8))]))
    }
}
