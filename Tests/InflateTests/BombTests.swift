import Testing
@testable import Inflate

/// Decompression bombs: a small input that expands far past `maxOutput` fails with
/// `.outputLimit` early, without allocating (or producing) the full output.
struct BombTests {
    /// ~400 KB of fixed-Huffman data expanding to ~100 MB of zeros.
    static let bomb: [UInt8] = {
        var w = BitWriter()
        w.bits(1, 1)
        w.bits(1, 2)
        w.fixedSymbol(0)
        for _ in 0..<400_000 {
            w.fixedSymbol(285)
            w.fixedDistance(0)
        }
        w.fixedSymbol(256)
        return w.finish()
    }()

    @Test func oneShotStopsAtTheLimit() {
        let limit = 1 << 20
        var stream = InflateStream(format: .raw, maxOutput: limit, initialCapacity: Self.bomb.count * 4)
        #expect(throws: InflateError.outputLimit(limit)) { try stream.decodeWhole(Self.bomb) }
        #expect(stream.output.bytes.count <= limit + OutputBuffer.slack)
        #expect(throws: InflateError.outputLimit(limit)) { try Inflate.rawInflate(Self.bomb, maxOutput: limit) }
        let gz = Encoders.gzip(deflate: Self.bomb, original: [])
        #expect(throws: InflateError.outputLimit(limit)) { try Inflate.gunzip(gz, maxOutput: limit) }
    }

    @Test func streamStopsAfterFewChunks() {
        let limit = 1 << 20
        var stream = InflateStream(format: .raw, maxOutput: limit)
        var fed = 0
        var produced = 0
        do {
            while fed < Self.bomb.count {
                produced += try stream.feed(Self.bomb[fed..<min(Self.bomb.count, fed + 1024)]).count
                fed += 1024
            }
            Issue.record("bomb was not stopped")
        } catch {
            #expect(error == .outputLimit(limit))
        }
        #expect(produced <= limit)
        // 1 KiB of this input is ~160 KiB of output, so only a handful of chunks were read.
        #expect(fed <= 8 * 1024)
        #expect(stream.output.bytes.count <= limit + (128 << 10))
    }

    @Test func storedBlockPastTheLimit() {
        let data = Encoders.stored([UInt8](repeating: 1, count: 5000))
        #expect(throws: InflateError.outputLimit(4999)) { try Inflate.rawInflate(data, maxOutput: 4999) }
        #expect(throws: Never.self) { try Inflate.rawInflate(data, maxOutput: 5000) }
        #expect(throws: InflateError.outputLimit(0)) { try Inflate.rawInflate(data, maxOutput: 0) }
    }

    @Test func realGzipBomb() throws {
        guard ExternalCompressor.hasGzip else {
            print("skipping: gzip not installed")
            return
        }
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        let gz = try #require(ExternalCompressor.gzip(zeros, level: 9))
        #expect(gz.count < 100_000)
        #expect(throws: InflateError.outputLimit(1 << 20)) { try Inflate.gunzip(gz, maxOutput: 1 << 20) }
        #expect(try Inflate.gunzip(gz, maxOutput: 20 << 20).count == 20 << 20)
    }
}
