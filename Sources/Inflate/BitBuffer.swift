/// The DEFLATE bit accumulator (least-significant bit first) that persists between input chunks,
/// with the careful, bounds-checked operations the resumable decoding paths use.
///
/// Bits at positions `count...63` are either zero or the true next input bits (the fast path
/// loads whole words ahead), so OR-ing in the next byte at `count` is always consistent.
struct BitBuffer: Sendable {
    var bits: UInt64 = 0
    var count = 0

    /// Moves bytes from `input` until at least `n` (≤ 56) bits are held; false if input ran out first.
    @inline(__always)
    mutating func fill(_ n: Int, _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Bool {
        while count < n {
            guard pos < input.count else { return false }
            bits |= UInt64(input[pos]) &<< UInt64(count)
            pos += 1
            count += 8
        }
        return true
    }

    @inline(__always)
    func peek(_ n: Int) -> Int {
        Int(truncatingIfNeeded: bits & ((1 &<< UInt64(n)) &- 1))
    }

    @inline(__always)
    mutating func drop(_ n: Int) {
        bits &>>= UInt64(n)
        count -= n
    }

    /// Discards the bits up to the next byte boundary.
    mutating func alignToByte() {
        drop(count & 7)
    }

    /// Whole bytes held (after `alignToByte`), in input order, and empties the buffer.
    mutating func takeBytes() -> [UInt8] {
        var out: [UInt8] = []
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: bits))
            drop(8)
        }
        bits = 0
        count = 0
        return out
    }

    /// Clears bits above `count`, so nothing stale is carried into the next chunk.
    mutating func clearUnusedBits() {
        if count < 64 { bits &= (1 &<< UInt64(count)) &- 1 }
    }
}
