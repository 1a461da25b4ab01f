/// Reads big-endian bit fields written by `BitWriter`, refusing (nil) to read past the end so a
/// truncated or corrupt chunk ends decoding instead of trapping.
///
/// Borrow-style: it holds a raw buffer that the caller keeps alive for the reader's lifetime
/// (the decoder creates one inside `withUnsafeBytes`).
struct BitReader {
    private let base: UnsafeRawBufferPointer
    private let bitLimit: Int
    private(set) var position: Int = 0

    init(_ base: UnsafeRawBufferPointer) {
        self.base = base
        self.bitLimit = base.count * 8
    }

    /// A reader that starts at bit `position` (clamped to the buffer) instead of the first bit.
    init(_ base: UnsafeRawBufferPointer, position: Int) {
        self.base = base
        self.bitLimit = base.count * 8
        self.position = Swift.min(Swift.max(0, position), bitLimit)
    }

    var bitsRemaining: Int { bitLimit - position }

    @inline(__always)
    mutating func readBit() -> Bool? {
        guard position < bitLimit else { return nil }
        let byte = base[position >> 3]
        let bit = (byte >> UInt8(7 - (position & 7))) & 1
        position += 1
        return bit == 1
    }

    /// Reads `n` (0...64) bits as the low bits of the result; nil when fewer remain.
    @inline(__always)
    mutating func read(bits n: Int) -> UInt64? {
        guard n >= 0, n <= 64, bitLimit - position >= n else { return nil }
        if n == 0 { return 0 }
        if n > 56 { return readWide(bits: n) }
        let word = window(at: position >> 3)
        let offset = position & 7
        position += n
        return (word << UInt64(offset)) >> UInt64(64 - n)
    }

    /// 57...64 bits, known to be available, as two reads (a window holds 57 bits at worst).
    @inline(never)
    private mutating func readWide(bits n: Int) -> UInt64 {
        let hiBits = n - 32
        let hi = (window(at: position >> 3) << UInt64(position & 7)) >> UInt64(64 - hiBits)
        position += hiBits
        let lo = (window(at: position >> 3) << UInt64(position & 7)) >> 32
        position += 32
        return hi << 32 | lo
    }

    /// The 8 bytes from `byte` (< `base.count`) on as a big-endian word, zero-filled past the end.
    @inline(__always)
    private func window(at byte: Int) -> UInt64 {
        if byte + 8 <= base.count {
            return UInt64(bigEndian: base.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        }
        if base.count >= 8 {
            // Near the end (where a sliding query window reads the head chunk): the last 8
            // bytes, shifted so `byte` comes first and zeros follow the end.
            let last = UInt64(bigEndian: base.loadUnaligned(fromByteOffset: base.count - 8, as: UInt64.self))
            return last << UInt64(8 * (byte + 8 - base.count))
        }
        var w: UInt64 = 0
        for i in 0..<8 {
            w <<= 8
            if byte + i < base.count { w |= UInt64(base[byte + i]) }
        }
        return w
    }

    /// The next `n` (1...56) bits without consuming them; nil when fewer remain.
    @inline(__always)
    func peek(bits n: Int) -> UInt64? {
        var copy = self
        return copy.read(bits: n)
    }

    @inline(__always)
    mutating func skip(_ n: Int) { position += n }

    /// A zigzag varint written by `BitWriter.writeVarint`; nil when truncated or overlong.
    mutating func readVarint() -> Int64? {
        var u: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 70 {
            guard let b = read(bits: 8) else { return nil }
            u |= (b & 0x7f) << shift
            if b < 0x80 { return Int64(bitPattern: u >> 1) ^ -Int64(bitPattern: u & 1) }
            shift += 7
        }
        return nil
    }
}

extension BitReader {
    /// Counts leading one-bits, up to `max` (≤ 56). Consumes the ones and, when fewer than `max`,
    /// the terminating zero. Nil when the stream ends first.
    @inline(__always)
    mutating func readOnes(max: Int) -> Int? {
        let avail = Swift.min(bitsRemaining, max + 1)
        guard avail > 0, let word = peek(bits: avail) else { return nil }
        // Left-align the peeked bits and count leading ones.
        let ones = (~(word << UInt64(64 - avail))).leadingZeroBitCount
        if ones >= max {
            skip(max)
            return max
        }
        guard ones < avail else { return nil }
        skip(ones + 1)
        return ones
    }
}
