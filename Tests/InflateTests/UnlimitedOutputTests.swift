import Testing
@testable import Inflate

@Suite struct UnlimitedOutputTests {
    /// "No limit" is passed as Int.max by the HTTP client; it must not overflow anywhere.
    @Test func intMaxLimit() throws {
        // gzip of "hello\n" (gzip -n).
        let gz: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9,
                           0xe7, 0x02, 0x00, 0x20, 0x30, 0x3a, 0x36, 0x06, 0x00, 0x00, 0x00]
        #expect(try Inflate.gunzip(gz, maxOutput: Int.max) == Array("hello\n".utf8))
        var stream = InflateStream(format: .gzip, maxOutput: Int.max)
        let out = try stream.feed(gz[...])
        try stream.finish()
        #expect(out == Array("hello\n".utf8))
    }
}
