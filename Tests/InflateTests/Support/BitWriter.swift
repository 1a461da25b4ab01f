/// Writes DEFLATE bit streams (LSB first) so tests can build exact, hostile block layouts.
struct BitWriter {
    var bytes: [UInt8] = []
    private var acc: UInt64 = 0
    private var count = 0

    /// Appends `n` bits of `value`, least significant first (header fields, extra bits).
    mutating func bits(_ value: Int, _ n: Int) {
        acc |= UInt64(value & ((1 << n) - 1)) << UInt64(count)
        count += n
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            count -= 8
        }
    }

    /// Appends a Huffman code of `n` bits, most significant bit first.
    mutating func code(_ value: Int, _ n: Int) {
        for i in stride(from: n - 1, through: 0, by: -1) { bits((value >> i) & 1, 1) }
    }

    /// Fixed-Huffman literal/length symbol (RFC 1951 §3.2.6).
    mutating func fixedSymbol(_ s: Int) {
        switch s {
        case 0..<144: code(0x30 + s, 8)
        case 144..<256: code(0x190 + s - 144, 9)
        case 256..<280: code(s - 256, 7)
        default: code(0xC0 + s - 280, 8)
        }
    }

    mutating func fixedDistance(_ d: Int) { code(d, 5) }

    mutating func alignToByte() {
        if count > 0 { bits(0, 8 - count) }
    }

    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
