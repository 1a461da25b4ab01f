import Testing
@testable import Inflate

/// gzip and zlib framing: header fields, checksums, concatenated members, trailing data.
struct FramingTests {
    static let text = Array("metric_a{job=\"x\"} 1\nmetric_b 2\n".utf8)

    func gunzipError(_ data: [UInt8]) -> InflateError? {
        do {
            _ = try Inflate.gunzip(data, maxOutput: 1 << 20)
            return nil
        } catch {
            return error
        }
    }

    func zlibError(_ data: [UInt8]) -> InflateError? {
        do {
            _ = try Inflate.zlibInflate(data, maxOutput: 1 << 20)
            return nil
        } catch {
            return error
        }
    }

    @Test func allHeaderFields() throws {
        // FEXTRA + FNAME + FCOMMENT + FHCRC, with the header CRC computed over the header.
        var header: [UInt8] = [0x1F, 0x8B, 8, 0x1E, 1, 2, 3, 4, 0, 3]
        header += [4, 0, 0xAA, 0xBB, 0xCC, 0xDD]
        header += Array("metrics.txt".utf8) + [0]
        header += Array("a comment".utf8) + [0]
        let crc = CRC32.checksum(header)
        header += [UInt8(crc & 0xFF), UInt8((crc >> 8) & 0xFF)]
        let member = Encoders.gzip(deflate: Encoders.stored(Self.text), original: Self.text, header: header)
        #expect(try Inflate.gunzip(member, maxOutput: 1000) == Self.text)
        // Streamed a byte at a time, the header state machine must resume at every point.
        var stream = InflateStream(format: .gzip, maxOutput: 1000)
        var out: [UInt8] = []
        for b in member { out += try stream.feed([b]) }
        try stream.finish()
        #expect(out == Self.text)

        var badCRC = member
        badCRC[header.count - 1] ^= 1
        #expect(gunzipError(badCRC)?.message == "gzip header CRC mismatch")
    }

    @Test func badHeaders() {
        let good = Encoders.gzip(deflate: Encoders.stored(Self.text), original: Self.text)
        var magic = good
        magic[1] = 0x8C
        #expect(gunzipError(magic)?.message == "not a gzip stream (bad magic bytes)")
        var method = good
        method[2] = 7
        #expect(gunzipError(method)?.message == "unsupported gzip compression method 7")
        var flags = good
        flags[3] = 0x20
        #expect(gunzipError(flags)?.message == "reserved gzip header flags set")
        #expect(gunzipError(Array(good.prefix(5))) == .truncated)
    }

    @Test func checksumsAndSizes() {
        let good = Encoders.gzip(deflate: Encoders.stored(Self.text), original: Self.text)
        var crc = good
        crc[crc.count - 8] ^= 0x01
        #expect(gunzipError(crc)?.message == "gzip CRC-32 mismatch")
        var size = good
        size[size.count - 4] ^= 0x01
        #expect(gunzipError(size)?.message == "gzip ISIZE does not match the decompressed length")
        // A huge ISIZE claim is only a hint: no huge allocation, just a clear mismatch.
        var huge = good
        for i in (huge.count - 4)..<huge.count { huge[i] = 0xFF }
        #expect(gunzipError(huge)?.kind == .checksum)
        var stream = InflateStream(format: .gzip, maxOutput: 1 << 30, initialCapacity: 4096)
        _ = try? stream.decodeWhole(huge)
        #expect(stream.output.bytes.count < 1 << 20)

        let z = Encoders.zlib(deflate: Encoders.stored(Self.text), original: Self.text)
        var adler = z
        adler[adler.count - 1] ^= 0x80
        #expect(zlibError(adler)?.message == "zlib Adler-32 mismatch")
    }

    @Test func concatenatedMembersAndPadding() throws {
        let a = Encoders.gzip(deflate: Encoders.stored(Self.text), original: Self.text)
        let second = Array("second member\n".utf8)
        let b = Encoders.gzip(deflate: Encoders.fixed(second.map { .literal($0) }), original: second)
        let both = a + b + a
        #expect(try Inflate.gunzip(both, maxOutput: 1000) == Self.text + second + Self.text)
        #expect(try Inflate.gunzip(both + [0, 0, 0, 0], maxOutput: 1000) == Self.text + second + Self.text)
        #expect(gunzipError(both + [0x42])?.message == "unexpected data after gzip member")
        #expect(gunzipError(both + [0, 0, 7])?.message == "unexpected data after gzip member")
        #expect(gunzipError(both + [0x1F]) == .truncated)
        for chunk in [1, 2, 7, 30] {
            var stream = InflateStream(format: .gzip, maxOutput: 1000)
            var out: [UInt8] = []
            var i = 0
            while i < both.count {
                out += try stream.feed(both[i..<min(both.count, i + chunk)])
                i += chunk
            }
            try stream.finish()
            #expect(out == Self.text + second + Self.text, "chunk \(chunk)")
        }
    }

    @Test func memberCannotReferenceThePreviousMember() {
        let first = Encoders.gzip(deflate: Encoders.stored(Self.text), original: Self.text)
        let items: [Encoders.Item] = [.literal(65), .match(length: 5, distance: 3)]
        let second = Encoders.gzip(deflate: Encoders.fixed(items), original: [])
        #expect(gunzipError(first + second)?.message == "distance 3 reaches before the start of the output")
    }

    @Test func zlibHeaderVariants() throws {
        let deflate = Encoders.stored(Self.text)
        let z = Encoders.zlib(deflate: deflate, original: Self.text)
        #expect(try Inflate.zlibInflate(z, maxOutput: 1000) == Self.text)
        // Headerless (raw) deflate is accepted, one-shot and when the first bytes arrive split.
        #expect(try Inflate.zlibInflate(deflate, maxOutput: 1000) == Self.text)
        for split in 0...3 {
            var stream = InflateStream(format: .zlib, maxOutput: 1000)
            var out: [UInt8] = []
            for i in 0..<split { out += try stream.feed([deflate[i]]) }
            out += try stream.feed(deflate[split...])
            try stream.finish()
            #expect(out == Self.text, "split \(split)")
        }
        // FDICT set (0x78 0xBB passes the check-bits test).
        #expect(zlibError([0x78, 0xBB, 0, 0, 0, 0] + deflate)?.message == "zlib stream requires a preset dictionary")
        #expect(zlibError(z + [0])?.message == "unexpected data after the end of the compressed stream")
        #expect(zlibError(Array(z.dropLast())) == .truncated)
    }

    @Test func contentEncodingNames() {
        #expect(InflateStream.Format(contentEncoding: "gzip") == .gzip)
        #expect(InflateStream.Format(contentEncoding: "X-GZIP") == .gzip)
        #expect(InflateStream.Format(contentEncoding: "deflate") == .zlib)
        #expect(InflateStream.Format(contentEncoding: "br") == nil)
    }

    @Test func failedStreamStaysFailed() {
        var stream = InflateStream(format: .gzip, maxOutput: 100)
        #expect(throws: InflateError.corrupt("not a gzip stream (bad magic bytes)", at: 0)) {
            try stream.feed([0x00, 0x01])
        }
        #expect(throws: InflateError.self) { try stream.feed([0x1F]) }
        #expect(throws: InflateError.self) { try stream.finish() }
    }
}
