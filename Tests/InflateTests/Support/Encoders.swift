@testable import Inflate

/// Hand encoders for crafted streams: stored blocks, fixed-Huffman literals and matches,
/// dynamic blocks with chosen code lengths, and gzip / zlib framing around any DEFLATE data.
enum Encoders {
    /// Stored blocks of at most `blockSize` bytes; an empty input gives one empty final block.
    static func stored(_ data: [UInt8], blockSize: Int = 65535, final lastIsFinal: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        repeat {
            let n = min(blockSize, data.count - i)
            let final = lastIsFinal && i + n == data.count
            out.append(final ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        return out
    }

    /// One DEFLATE symbol to encode.
    enum Item {
        case literal(UInt8)
        case match(length: Int, distance: Int)
    }

    static func lengthSymbol(_ length: Int) -> (symbol: Int, extra: Int, bits: Int) {
        if length == 258 { return (285, 0, 0) }
        var i = HuffmanTable.lengthBase.count - 2
        while Int(HuffmanTable.lengthBase[i]) > length { i -= 1 }
        return (257 + i, length - Int(HuffmanTable.lengthBase[i]), Int(HuffmanTable.lengthExtra[i]))
    }

    static func distanceSymbol(_ distance: Int) -> (symbol: Int, extra: Int, bits: Int) {
        var i = HuffmanTable.distanceBase.count - 1
        while Int(HuffmanTable.distanceBase[i]) > distance { i -= 1 }
        return (i, distance - Int(HuffmanTable.distanceBase[i]), Int(HuffmanTable.distanceExtra[i]))
    }

    /// One fixed-Huffman block holding `items`.
    static func fixed(_ items: [Item], final: Bool = true, into w: inout BitWriter) {
        w.bits(final ? 1 : 0, 1)
        w.bits(1, 2)
        for item in items {
            switch item {
            case .literal(let b): w.fixedSymbol(Int(b))
            case .match(let length, let distance):
                let l = lengthSymbol(length)
                w.fixedSymbol(l.symbol)
                w.bits(l.extra, l.bits)
                let d = distanceSymbol(distance)
                w.fixedDistance(d.symbol)
                w.bits(d.extra, d.bits)
            }
        }
        w.fixedSymbol(256)
    }

    static func fixed(_ items: [Item]) -> [UInt8] {
        var w = BitWriter()
        fixed(items, into: &w)
        return w.finish()
    }

    /// What `items` decode to (the reference expansion).
    static func expand(_ items: [Item]) -> [UInt8] {
        var out: [UInt8] = []
        for item in items {
            switch item {
            case .literal(let b): out.append(b)
            case .match(let length, let distance):
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
        return out
    }

    /// Canonical codes (MSB-first values) for code lengths, as RFC 1951 §3.2.2 assigns them.
    static func canonical(_ lengths: [Int]) -> [Int] {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[l] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1...15 {
            code = (code + count[len - 1]) << 1
            next[len] = code
        }
        next[0] = 0
        return lengths.map { l in
            guard l > 0 else { return 0 }
            defer { next[l] += 1 }
            return next[l]
        }
    }

    /// Code-length code used by `dynamic`: symbols 0–12 get 4 bits, 13–18 get 5 (complete).
    static let codeLengthLengths: [Int] = (0..<19).map { $0 < 13 ? 4 : 5 }

    /// Writes a dynamic block header for the given literal/length and distance code lengths,
    /// sending every length as a plain symbol; returns the two codes for writing the body.
    static func dynamicHeader(
        literal: [Int], distance: [Int], final: Bool = true, into w: inout BitWriter
    ) -> (lit: [Int], dist: [Int]) {
        w.bits(final ? 1 : 0, 1)
        w.bits(2, 2)
        w.bits(literal.count - 257, 5)
        w.bits(distance.count - 1, 5)
        w.bits(19 - 4, 4)
        for s in DynamicHeader.order { w.bits(codeLengthLengths[s], 3) }
        let cl = canonical(codeLengthLengths)
        for l in literal + distance { w.code(cl[l], codeLengthLengths[l]) }
        return (canonical(literal), canonical(distance))
    }

    static func gzip(deflate: [UInt8], original: [UInt8], header: [UInt8]? = nil) -> [UInt8] {
        var out = header ?? [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        out += deflate
        let crc = CRC32.checksum(original)
        let size = UInt32(truncatingIfNeeded: original.count)
        for v in [crc, size] { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        return out
    }

    static func zlib(deflate: [UInt8], original: [UInt8]) -> [UInt8] {
        let a = Adler32.checksum(original)
        return [0x78, 0x9C] + deflate + [UInt8(a >> 24), UInt8((a >> 16) & 0xFF), UInt8((a >> 8) & 0xFF), UInt8(a & 0xFF)]
    }
}
