import Testing
@testable import Inflate

/// Every length and distance code with its extra bits, maximal 32 KiB distances, 258-byte and
/// overlapping copies, in fixed and dynamic blocks, one-shot and streamed.
struct MatchCoverageTests {
    static let items: [Encoders.Item] = {
        var items: [Encoders.Item] = Corpus.random(33_000, seed: 11).map { .literal($0) }
        var rng = Corpus.Rng(state: 1)
        let lengths = Array(3...258)
        var distances = [1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32768, 32767, 24577, 16385]
        for i in 0..<30 { distances.append(Int(HuffmanTable.distanceBase[i])) }
        for i in 0..<30 { distances.append(Int(HuffmanTable.distanceBase[i]) + (1 << HuffmanTable.distanceExtra[i]) - 1) }
        for length in lengths {
            let distance = distances[Int(rng.next() % UInt64(distances.count))]
            items.append(.match(length: length, distance: distance))
            items.append(.literal(UInt8(truncatingIfNeeded: rng.next())))
        }
        for distance in distances {
            items.append(.match(length: 3 + Int(rng.next() % 256), distance: distance))
        }
        return items
    }()

    @Test func fixedBlocks() throws {
        let expected = Encoders.expand(Self.items)
        let data = Encoders.fixed(Self.items)
        #expect(try Inflate.rawInflate(data, maxOutput: expected.count) == expected)
        for chunk in [1, 13, 4096] {
            #expect(try RoundTripTests.streamed(.raw, data, chunk: chunk, max: expected.count) == expected)
        }
    }

    @Test func acrossWindowSlides() throws {
        // 300 KB of stored data first, so streaming slides its window while matches reach back.
        let prefix = Corpus.random(300_000, seed: 21)
        var w = BitWriter()
        Encoders.fixed(Self.items, final: true, into: &w)
        let data = Encoders.stored(prefix, final: false) + w.finish()
        let expected = prefix + Encoders.expand(Self.items)
        for chunk in [999, 50_000] {
            #expect(try RoundTripTests.streamed(.raw, data, chunk: chunk, max: expected.count) == expected)
        }
        #expect(try Inflate.decompress(data, format: .raw, maxOutput: expected.count) == expected)
    }

    @Test func dynamicBlockWithLongCodes() throws {
        // Code lengths up to 15 bits, so both tables need sub-tables.
        var lit = [Int](repeating: 0, count: 286)
        for s in 0..<286 { lit[s] = 9 }
        // Make the code complete with a spread of lengths: shorten some, lengthen others.
        var dist = [Int](repeating: 5, count: 30)
        lit = Self.completeLengths(count: 286, maxLength: 15, seed: 3)
        dist = Self.completeLengths(count: 30, maxLength: 15, seed: 4)
        var w = BitWriter()
        let (lc, dc) = Encoders.dynamicHeader(literal: lit, distance: dist, into: &w)
        for item in Self.items {
            switch item {
            case .literal(let b): w.code(lc[Int(b)], lit[Int(b)])
            case .match(let length, let distance):
                let l = Encoders.lengthSymbol(length)
                w.code(lc[l.symbol], lit[l.symbol])
                w.bits(l.extra, l.bits)
                let d = Encoders.distanceSymbol(distance)
                w.code(dc[d.symbol], dist[d.symbol])
                w.bits(d.extra, d.bits)
            }
        }
        w.code(lc[256], lit[256])
        let data = w.finish()
        let expected = Encoders.expand(Self.items)
        #expect(lit.max() == 15 && dist.max() == 15)
        #expect(try Inflate.rawInflate(data, maxOutput: expected.count) == expected)
        for chunk in [1, 7, 1000] {
            #expect(try RoundTripTests.streamed(.raw, data, chunk: chunk, max: expected.count) == expected)
        }
    }

    /// A complete prefix code over `count` symbols with lengths spread from short to `maxLength`.
    static func completeLengths(count: Int, maxLength: Int, seed: UInt64) -> [Int] {
        // Start with a skewed complete code (1, 2, 3, ... maxLength, maxLength) then split
        // leaves until there are `count` of them, keeping lengths ≤ maxLength.
        var lengths = Array(1...maxLength) + [maxLength]
        var rng = Corpus.Rng(state: seed)
        while lengths.count < count {
            let candidates = lengths.indices.filter { lengths[$0] < maxLength }
            let i = candidates[Int(rng.next() % UInt64(candidates.count))]
            lengths[i] += 1
            lengths.append(lengths[i])
        }
        // Shuffle so long codes land on common symbols too.
        for i in stride(from: lengths.count - 1, to: 0, by: -1) {
            lengths.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        return lengths
    }
}
