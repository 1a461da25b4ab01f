/// Reading a dynamic-Huffman block header into the decoder's two tables, resumably.
extension DeflateDecoder {
    /// Reads the dynamic block header and builds both tables; false when input ran out first.
    mutating func readDynamicHeader(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, origin: Int
    ) throws(InflateError) -> Bool {
        while true {
            switch header.stage {
            case .counts:
                guard bits.fill(14, input, &pos) else { return false }
                header.literalCount = bits.peek(5) + 257
                bits.drop(5)
                header.distanceCount = bits.peek(5) + 1
                bits.drop(5)
                header.codeLengthCount = bits.peek(4) + 4
                bits.drop(4)
                guard header.literalCount <= 286, header.distanceCount <= 30 else {
                    throw .corrupt("too many literal/length or distance codes", at: offset(origin, pos))
                }
                header.index = 0
                header.stage = .codeLengthLengths
            case .codeLengthLengths:
                while header.index < header.codeLengthCount {
                    guard bits.fill(3, input, &pos) else { return false }
                    header.codeLengthLengths[DynamicHeader.order[header.index]] = UInt8(bits.peek(3))
                    bits.drop(3)
                    header.index += 1
                }
                let problem = HuffmanTable.build(
                    header.codeLengthLengths[...], mainBits: HuffmanTable.codeLengthBits,
                    into: &header.codeLengthTable, info: HuffmanTable.codeLengthInfo)
                if let problem {
                    throw .corrupt("\(problem == .overSubscribed ? "over-subscribed" : "incomplete") code-length code",
                                   at: offset(origin, pos))
                }
                header.index = 0
                header.stage = .lengths
            case .lengths:
                let total = header.literalCount + header.distanceCount
                while header.index < total {
                    _ = bits.fill(14, input, &pos)
                    let entry = header.codeLengthTable[bits.peek(HuffmanTable.codeLengthBits)]
                    let len = Int(entry & 15)
                    guard len <= bits.count else { return false }
                    guard entry & HuffmanTable.invalid == 0 else {
                        throw .corrupt("invalid code-length code", at: offset(origin, pos))
                    }
                    let symbol = Int(entry >> 16)
                    if symbol < 16 {
                        bits.drop(len)
                        header.lengths[header.index] = UInt8(symbol)
                        header.index += 1
                        continue
                    }
                    let extra = symbol == 16 ? 2 : (symbol == 17 ? 3 : 7)
                    guard len + extra <= bits.count else { return false }
                    bits.drop(len)
                    let repeatCount = bits.peek(extra) + (symbol == 18 ? 11 : 3)
                    bits.drop(extra)
                    var value: UInt8 = 0
                    if symbol == 16 {
                        guard header.index > 0 else {
                            throw .corrupt("repeated code length with no previous length", at: offset(origin, pos))
                        }
                        value = header.lengths[header.index - 1]
                    }
                    guard header.index + repeatCount <= total else {
                        throw .corrupt("code lengths overflow the declared code counts", at: offset(origin, pos))
                    }
                    for _ in 0..<repeatCount {
                        header.lengths[header.index] = value
                        header.index += 1
                    }
                }
                try buildTables(origin: origin, pos: pos)
                return true
            }
        }
    }

    private mutating func buildTables(origin: Int, pos: Int) throws(InflateError) {
        let nlit = header.literalCount
        guard header.lengths[256] != 0 else {
            throw .corrupt("dynamic block has no end-of-block code", at: offset(origin, pos))
        }
        if let problem = HuffmanTable.build(
            header.lengths[0..<nlit], mainBits: HuffmanTable.literalBits,
            into: &literalTable, info: HuffmanTable.literalLengthInfo)
        {
            throw .corrupt("\(problem == .overSubscribed ? "over-subscribed" : "incomplete") literal/length code",
                           at: offset(origin, pos))
        }
        if let problem = HuffmanTable.build(
            header.lengths[nlit..<(nlit + header.distanceCount)], mainBits: HuffmanTable.distanceBits,
            into: &distanceTable, info: HuffmanTable.distanceInfo)
        {
            throw .corrupt("\(problem == .overSubscribed ? "over-subscribed" : "incomplete") distance code",
                           at: offset(origin, pos))
        }
    }
}
