import Testing
@testable import Inflate

/// Round trips against real encoder output: every corpus input compressed by `gzip` and by
/// Python's zlib at several levels and strategies must decode to the original bytes, one-shot
/// and streamed in chunks of several sizes.
struct RoundTripTests {
    /// An external encoder configuration and the format it produces.
    struct Variant: Sendable, CustomStringConvertible {
        let description: String
        let format: InflateStream.Format
        let tool: String
        let compress: @Sendable ([UInt8]) -> [UInt8]?
    }

    static let variants: [Variant] = [
        Variant(description: "gzip -1", format: .gzip, tool: "gzip") { ExternalCompressor.gzip($0, level: 1) },
        Variant(description: "gzip -6", format: .gzip, tool: "gzip") { ExternalCompressor.gzip($0, level: 6) },
        Variant(description: "gzip -9", format: .gzip, tool: "gzip") { ExternalCompressor.gzip($0, level: 9) },
        Variant(description: "python gzip level 9", format: .gzip, tool: "python") {
            ExternalCompressor.python($0, level: 9, wbits: 31, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "zlib level 0 (stored)", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 0, wbits: 15, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "zlib level 1", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 1, wbits: 15, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "zlib level 6", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: 15, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "zlib level 9", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 9, wbits: 15, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "zlib Z_HUFFMAN_ONLY", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: 15, strategy: "Z_HUFFMAN_ONLY")
        },
        Variant(description: "zlib Z_RLE", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: 15, strategy: "Z_RLE")
        },
        Variant(description: "zlib Z_FIXED", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: 15, strategy: "Z_FIXED")
        },
        Variant(description: "zlib Z_FILTERED", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: 15, strategy: "Z_FILTERED")
        },
        Variant(description: "raw deflate level 6", format: .raw, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: -15, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "raw deflate 512-byte window level 9", format: .raw, tool: "python") {
            ExternalCompressor.python($0, level: 9, wbits: -9, strategy: "Z_DEFAULT_STRATEGY")
        },
        Variant(description: "raw deflate Z_FIXED level 9", format: .raw, tool: "python") {
            ExternalCompressor.python($0, level: 9, wbits: -15, strategy: "Z_FIXED")
        },
        Variant(description: "raw deflate (no zlib header) via zlibInflate", format: .zlib, tool: "python") {
            ExternalCompressor.python($0, level: 6, wbits: -15, strategy: "Z_DEFAULT_STRATEGY")
        },
    ]

    static func oneShot(_ format: InflateStream.Format, _ input: [UInt8], max: Int) throws(InflateError) -> [UInt8] {
        switch format {
        case .gzip: return try Inflate.gunzip(input, maxOutput: max)
        case .zlib: return try Inflate.zlibInflate(input, maxOutput: max)
        case .raw: return try Inflate.rawInflate(input, maxOutput: max)
        }
    }

    static func streamed(_ format: InflateStream.Format, _ input: [UInt8], chunk: Int, max: Int) throws(InflateError) -> [UInt8] {
        var stream = InflateStream(format: format, maxOutput: max)
        var out: [UInt8] = []
        var i = 0
        while i < input.count {
            let end = min(input.count, i + chunk)
            out += try stream.feed(input[i..<end])
            i = end
        }
        out += try stream.finish()
        return out
    }

    @Test(arguments: variants)
    func roundTrip(_ variant: Variant) throws {
        let available = variant.tool == "gzip" ? ExternalCompressor.hasGzip : ExternalCompressor.hasPython
        guard available else {
            print("skipping \(variant): \(variant.tool) not installed")
            return
        }
        for (name, original) in Corpus.all {
            let compressed = try #require(variant.compress(original), "\(variant) failed on \(name)")
            let limit = original.count + 1
            #expect(try Self.oneShot(variant.format, compressed, max: limit) == original, "\(variant) \(name)")
            #expect(try Self.oneShot(variant.format, compressed, max: original.count) == original, "exact limit \(name)")
            var chunks = [3, 1000, 65536]
            if compressed.count <= 20_000 { chunks.append(1) }
            for chunk in chunks {
                #expect(try Self.streamed(variant.format, compressed, chunk: chunk, max: limit) == original,
                        "\(variant) \(name) chunk \(chunk)")
            }
            if !original.isEmpty {
                #expect(throws: InflateError.outputLimit(original.count - 1)) {
                    try Self.oneShot(variant.format, compressed, max: original.count - 1)
                }
            }
        }
    }
}
