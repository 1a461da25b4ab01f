/// Canonical Huffman decoding tables for DEFLATE. A symbol is found by indexing a main table with
/// the next `mainBits` input bits; codes longer than that go through a link to a second-level
/// sub-table, so every symbol costs one or two loads and never a bit-by-bit tree walk.
///
/// Each entry is a `UInt32`:
/// - bits 0–3: bits to drop for this entry (the code length, the rest of it in a sub-table, or
///   `mainBits` for a link);
/// - bits 4–7: extra bits following the code (lengths, distances), or a link's sub-table width;
/// - bit 8 literal byte, bit 9 link, bit 10 end of block, bit 11 invalid code;
/// - bits 16–31: the literal byte, the length/distance base, the symbol, or the sub-table start.
enum HuffmanTable {
    static let literal: UInt32 = 1 << 8
    static let link: UInt32 = 1 << 9
    static let endOfBlock: UInt32 = 1 << 10
    static let invalid: UInt32 = 1 << 11

    /// Main-table widths. Literal/length codes fit 10 bits almost always; distances 8.
    static let literalBits = 10
    static let distanceBits = 8
    static let codeLengthBits = 7

    /// Why a set of code lengths does not form a usable prefix code.
    enum Problem: Sendable {
        case overSubscribed
        case incomplete
    }

    static let lengthBase: [UInt16] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    static let lengthExtra: [UInt8] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
        3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
        257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra: [UInt8] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    /// Entry payload (without the length field) for a literal/length symbol 0...287.
    static func literalLengthInfo(_ symbol: Int) -> UInt32 {
        if symbol < 256 { return literal | UInt32(symbol) << 16 }
        if symbol == 256 { return endOfBlock }
        if symbol <= 285 {
            let i = symbol - 257
            return UInt32(lengthExtra[i]) << 4 | UInt32(lengthBase[i]) << 16
        }
        return invalid  // 286 and 287 have fixed-Huffman codes but must never appear.
    }

    /// Entry payload for a distance symbol 0...31.
    static func distanceInfo(_ symbol: Int) -> UInt32 {
        if symbol < 30 { return UInt32(distanceExtra[symbol]) << 4 | UInt32(distanceBase[symbol]) << 16 }
        return invalid  // 30 and 31 are reserved.
    }

    /// Entry payload for a code-length alphabet symbol 0...18: just the symbol.
    static func codeLengthInfo(_ symbol: Int) -> UInt32 {
        UInt32(symbol) << 16
    }

    /// Builds the table for `lengths` (each 0...15) into `table`. An empty code yields a table of
    /// invalid entries; an incomplete code is accepted only as a single code of length 1 (the one
    /// exception zlib and Go make), with the unused half invalid. Returns the problem, if any.
    static func build(
        _ lengths: ArraySlice<UInt8>, mainBits: Int, into table: inout [UInt32], info: (Int) -> UInt32
    ) -> Problem? {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths { count[Int(l & 15)] += 1 }
        count[0] = 0
        var left = 1
        var maxLen = 0
        var used = 0
        for len in 1...15 {
            left = (left << 1) - count[len]
            if left < 0 { return .overSubscribed }
            if count[len] > 0 { maxLen = len }
            used += count[len]
        }
        let mainSize = 1 << mainBits
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(invalid | UInt32(mainBits), count: mainSize))
        if used == 0 { return nil }
        if left > 0 && !(used == 1 && maxLen == 1) { return .incomplete }

        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1...15 {
            code = (code + count[len - 1]) << 1
            next[len] = code
        }
        let mainMask = mainSize - 1
        if maxLen > mainBits {
            // Size each sub-table by the longest code sharing its main-table prefix.
            var longest = [UInt8](repeating: 0, count: mainSize)
            var codes = next
            for l in lengths where Int(l) > mainBits {
                let len = Int(l)
                let rev = reverse(codes[len], len)
                codes[len] += 1
                longest[rev & mainMask] = max(longest[rev & mainMask], l)
            }
            for prefix in 0..<mainSize where longest[prefix] > 0 {
                let bits = Int(longest[prefix]) - mainBits
                let start = table.count
                table.append(contentsOf: repeatElement(invalid | UInt32(bits), count: 1 << bits))
                table[prefix] = link | UInt32(bits) << 4 | UInt32(mainBits) | UInt32(start) << 16
            }
        }
        var symbol = 0
        for l in lengths {
            defer { symbol += 1 }
            guard l > 0 else { continue }
            let len = Int(l)
            let rev = reverse(next[len], len)
            next[len] += 1
            if len <= mainBits {
                let entry = info(symbol) | UInt32(len)
                var i = rev
                while i < mainSize {
                    table[i] = entry
                    i += 1 << len
                }
            } else {
                let linkEntry = table[rev & mainMask]
                let start = Int(linkEntry >> 16)
                let bits = Int((linkEntry >> 4) & 15)
                let rest = len - mainBits
                let entry = info(symbol) | UInt32(rest)
                var i = rev >> mainBits
                while i < 1 << bits {
                    table[start + i] = entry
                    i += 1 << rest
                }
            }
        }
        return nil
    }

    @inline(__always)
    static func reverse(_ code: Int, _ length: Int) -> Int {
        var c = code
        var r = 0
        for _ in 0..<length {
            r = (r << 1) | (c & 1)
            c >>= 1
        }
        return r
    }

    /// Tables for fixed-Huffman blocks (RFC 1951 §3.2.6), built once.
    static let fixedLiteralLength: [UInt32] = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        var table: [UInt32] = []
        _ = build(lengths[...], mainBits: literalBits, into: &table, info: literalLengthInfo)
        return table
    }()

    static let fixedDistance: [UInt32] = {
        let lengths = [UInt8](repeating: 5, count: 32)
        var table: [UInt32] = []
        _ = build(lengths[...], mainBits: distanceBits, into: &table, info: distanceInfo)
        return table
    }()
}
