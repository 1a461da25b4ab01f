/// A resumable raw DEFLATE (RFC 1951) decoder: it consumes input as it arrives, keeps its place
/// between chunks (block header, stored bytes left, dynamic-table header, mid-block), and writes
/// into an `OutputBuffer` whose front holds the back-reference window.
struct DeflateDecoder: Sendable {
    /// Where in the block structure decoding resumes.
    enum Phase: Sendable {
        case blockHeader
        case storedLength
        case stored(remaining: Int)
        case dynamicHeader
        case codes
        case done
    }

    var phase: Phase = .blockHeader
    var isFinalBlock = false
    var bits = BitBuffer()
    var literalTable: [UInt32] = []
    var distanceTable: [UInt32] = []
    var header = DynamicHeader()

    var isDone: Bool {
        if case .done = phase { return true }
        return false
    }

    /// Decodes from `input[pos...]`; returns true once the final block has ended (any whole bytes
    /// of input it had taken past that point are left in `bits`), false when input ran out.
    /// `origin` is the offset of `input[0]` in the whole compressed stream, for error messages.
    mutating func run(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ out: inout OutputBuffer, origin: Int
    ) throws(InflateError) -> Bool {
        while true {
            switch phase {
            case .blockHeader:
                guard bits.fill(3, input, &pos) else { return false }
                let h = bits.peek(3)
                bits.drop(3)
                isFinalBlock = h & 1 == 1
                switch h >> 1 {
                case 0:
                    bits.alignToByte()
                    phase = .storedLength
                case 1:
                    literalTable = HuffmanTable.fixedLiteralLength
                    distanceTable = HuffmanTable.fixedDistance
                    phase = .codes
                case 2:
                    header = DynamicHeader()
                    phase = .dynamicHeader
                default:
                    throw .corrupt("invalid block type 3", at: offset(origin, pos))
                }
            case .storedLength:
                guard bits.fill(32, input, &pos) else { return false }
                let len = bits.peek(16)
                bits.drop(16)
                let nlen = bits.peek(16)
                bits.drop(16)
                guard len == nlen ^ 0xFFFF else {
                    throw .corrupt("stored block length does not match its complement", at: offset(origin, pos))
                }
                phase = .stored(remaining: len)
            case .stored(let remaining):
                if remaining == 0 {
                    try endBlock(&out)
                    continue
                }
                if out.count + remaining > out.limit { throw .outputLimit(out.maxOutput) }
                var left = remaining
                if bits.count >= 8 {
                    let n = min(left, bits.count >> 3)
                    try out.reserve(n)
                    for _ in 0..<n {
                        out.bytes[out.count] = UInt8(truncatingIfNeeded: bits.bits)
                        out.count += 1
                        bits.drop(8)
                    }
                    left -= n
                } else {
                    // Input bytes are about to be consumed around the bit buffer: drop the
                    // look-ahead bits it may hold so they cannot be OR-ed into later reads.
                    bits.bits = 0
                    let n = min(left, input.count - pos)
                    if n == 0 { return false }
                    try out.reserve(n)
                    let start = out.count
                    out.bytes.withUnsafeMutableBufferPointer { ob in
                        UnsafeMutableRawPointer(ob.baseAddress! + start)
                            .copyMemory(from: input.baseAddress! + pos, byteCount: n)
                    }
                    out.count += n
                    pos += n
                    left -= n
                }
                phase = .stored(remaining: left)
            case .dynamicHeader:
                guard try readDynamicHeader(input, &pos, origin: origin) else { return false }
                phase = .codes
            case .codes:
                guard try decodeCodes(input, &pos, &out, origin: origin) else { return false }
                try endBlock(&out)
            case .done:
                return true
            }
        }
    }

    private mutating func endBlock(_ out: inout OutputBuffer) throws(InflateError) {
        try out.checkLimit()
        if isFinalBlock {
            bits.alignToByte()
            phase = .done
        } else {
            phase = .blockHeader
        }
    }

    /// Approximate offset of the next unread bit's byte in the whole compressed stream.
    func offset(_ origin: Int, _ pos: Int) -> Int {
        max(0, origin + pos - (bits.count >> 3))
    }
}
