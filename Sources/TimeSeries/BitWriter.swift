/// Appends big-endian bit fields to a byte stream: the primitive under the XOR chunk encoding.
///
/// The core `write(_:bits:to:at:)` works on raw memory so the store can encode straight into a
/// head chunk; it ORs a whole 64-bit window at once, so the memory must be zeroed past the
/// current position and have at least 8 writable bytes from the current byte on.
/// `BitWriter` itself is an owning, growable wrapper around the same routine.
struct BitWriter {
    /// Written bytes plus zeroed slack for the 64-bit window; read them through `bytes`.
    private var storage: [UInt8] = [UInt8](repeating: 0, count: 16)
    private(set) var bitCount: Int = 0

    init() {}

    /// The written bytes (the last one padded with zero bits).
    var bytes: [UInt8] { Array(storage[0..<((bitCount + 7) >> 3)]) }

    mutating func writeBit(_ bit: Bool) { write(bit ? 1 : 0, bits: 1) }

    /// Writes the `bits` low-order bits of `value`, most significant first. `bits` is clamped to 0...64.
    mutating func write(_ value: UInt64, bits: Int) {
        let n = min(max(bits, 0), 64)
        let needed = ((bitCount + n) >> 3) + 9
        if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: max(needed - storage.count, storage.count)))
        }
        var pos = bitCount
        storage.withUnsafeMutableBytes { raw in
            BitWriter.write(value, bits: n, to: raw.baseAddress!, at: &pos)
        }
        bitCount = pos
    }

    /// Writes the `n` (0...64) low bits of `value` at bit offset `pos` of `p`, advancing `pos`.
    /// Requires zeroed memory from `pos` on and 8 accessible bytes from byte `pos >> 3` on
    /// (9 when `n` is above 56).
    @inline(__always)
    static func write(_ value: UInt64, bits n: Int, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        if n > 56 {
            write(value >> 32, bits: n - 32, to: p, at: &pos)
            write(value & 0xffff_ffff, bits: 32, to: p, at: &pos)
            return
        }
        if n <= 0 { return }
        let masked = value & ((1 << UInt64(n)) &- 1)
        let byte = pos >> 3
        let offset = pos & 7
        let word = UInt64(bigEndian: p.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        let merged = word | (masked << UInt64(64 - offset - n))
        p.storeBytes(of: merged.bigEndian, toByteOffset: byte, as: UInt64.self)
        pos += n
    }

    /// Zigzag varint of a signed integer, 7 bits a group, written as whole bytes of bits.
    @inline(__always)
    static func writeVarint(_ x: Int64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        var u = UInt64(bitPattern: (x << 1) ^ (x >> 63))
        while u >= 0x80 {
            write(u & 0x7f | 0x80, bits: 8, to: p, at: &pos)
            u >>= 7
        }
        write(u, bits: 8, to: p, at: &pos)
    }

    mutating func writeVarint(_ x: Int64) {
        var u = UInt64(bitPattern: (x << 1) ^ (x >> 63))
        while u >= 0x80 {
            write(u & 0x7f | 0x80, bits: 8)
            u >>= 7
        }
        write(u, bits: 8)
    }
}
