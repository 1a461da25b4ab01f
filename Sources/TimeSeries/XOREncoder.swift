/// Incremental encoder state for one Gorilla-style chunk (the idea behind Prometheus's XOR chunks).
///
/// Layout of the bit stream, per sample:
/// - first: timestamp as a zigzag varint, value as its 64 raw bits;
/// - second: timestamp delta as a zigzag varint, value XOR-encoded;
/// - later: delta-of-delta in a prefix-coded bucket, value XOR-encoded.
///
/// Delta-of-delta buckets are our own, tuned for millisecond scrape jitter (Prometheus's smallest
/// non-zero bucket is 14 bits, which costs two bytes a sample once timestamps jitter):
/// `0` → 0; `10`+4 bits; `110`+8 bits; `1110`+14 bits; `11110`+20 bits; `11111`+64 bits
/// (two's complement fields).
/// Values: `0` → same bits as before; `10` + meaningful bits within the previous
/// leading/trailing-zero window; `11` + 5 bits leading zeros (capped at 31) + 6 bits
/// significant-bit count (64 written as 0) + the significant bits.
///
/// Values travel as bit patterns, so NaN payloads such as `StaleNaN` survive exactly.
/// All timestamp arithmetic wraps, so any Int64 sequence round-trips.
struct XOREncoder {
    /// Last appended timestamp and value bits. They survive `resetChunk()`, so the store can keep
    /// ordering and duplicate checks across chunk boundaries.
    var t: Int64 = 0
    var vBits: UInt64 = 0
    var tDelta: Int64 = 0
    var bitPosition: UInt32 = 0
    var count: UInt16 = 0
    var leading: UInt8 = 0xff
    var trailing: UInt8 = 0

    /// Upper bound on the bytes one sample can take (varint 10 bytes + 77 value bits), plus the
    /// 8-byte slack the 64-bit write window needs.
    static let maxSampleBytes = 20 + 8

    /// Bytes the encoded stream occupies so far.
    var byteCount: Int { (Int(bitPosition) + 7) >> 3 }

    /// Starts a new chunk, keeping the last sample for ordering checks.
    mutating func resetChunk() {
        tDelta = 0
        bitPosition = 0
        count = 0
        leading = 0xff
        trailing = 0
    }

    /// Appends one sample at `bitPosition` of `p`. The caller guarantees `maxSampleBytes` of
    /// zeroed space from the current byte on.
    @inline(__always)
    mutating func append(t newT: Int64, bits newBits: UInt64, to p: UnsafeMutableRawPointer) {
        var pos = Int(bitPosition)
        switch count {
        case 0:
            BitWriter.writeVarint(newT, to: p, at: &pos)
            BitWriter.write(newBits, bits: 64, to: p, at: &pos)
            tDelta = 0
        case 1:
            let delta = newT &- t
            BitWriter.writeVarint(delta, to: p, at: &pos)
            writeValue(newBits, to: p, at: &pos)
            tDelta = delta
        default:
            let delta = newT &- t
            let dod = delta &- tDelta
            let u = UInt64(bitPattern: dod)
            if dod == 0 {
                BitWriter.write(0, bits: 1, to: p, at: &pos)
            } else if XOREncoder.fits(dod, 4) {
                BitWriter.write(0b10 << 4 | (u & 0xf), bits: 6, to: p, at: &pos)
            } else if XOREncoder.fits(dod, 8) {
                BitWriter.write(0b110 << 8 | (u & 0xff), bits: 11, to: p, at: &pos)
            } else if XOREncoder.fits(dod, 14) {
                BitWriter.write(0b1110 << 14 | (u & 0x3fff), bits: 18, to: p, at: &pos)
            } else if XOREncoder.fits(dod, 20) {
                BitWriter.write(0b11110 << 20 | (u & 0xf_ffff), bits: 25, to: p, at: &pos)
            } else {
                BitWriter.write(0b11111, bits: 5, to: p, at: &pos)
                BitWriter.write(u, bits: 64, to: p, at: &pos)
            }
            writeValue(newBits, to: p, at: &pos)
            tDelta = delta
        }
        t = newT
        vBits = newBits
        count &+= 1
        bitPosition = UInt32(truncatingIfNeeded: pos)
    }

    @inline(__always)
    static func fits(_ x: Int64, _ n: Int64) -> Bool {
        x >= -(1 << (n - 1)) && x < (1 << (n - 1))
    }

    @inline(__always)
    private mutating func writeValue(_ newBits: UInt64, to p: UnsafeMutableRawPointer, at pos: inout Int) {
        let x = newBits ^ vBits
        if x == 0 {
            BitWriter.write(0, bits: 1, to: p, at: &pos)
            return
        }
        let lead = UInt8(min(x.leadingZeroBitCount, 31))
        let trail = UInt8(x.trailingZeroBitCount)
        if leading != 0xff && lead >= leading && trail >= trailing {
            let sig = 64 - Int(leading) - Int(trailing)
            BitWriter.write(0b10, bits: 2, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trailing), bits: sig, to: p, at: &pos)
        } else {
            leading = lead
            trailing = trail
            let sig = 64 - Int(lead) - Int(trail)
            let header = UInt64(0b11) << 11 | UInt64(lead) << 6 | UInt64(sig & 63)
            BitWriter.write(header, bits: 13, to: p, at: &pos)
            BitWriter.write(x >> UInt64(trail), bits: sig, to: p, at: &pos)
        }
    }
}
