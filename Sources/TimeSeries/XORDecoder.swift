/// Decodes a chunk written by `XOREncoder`, stopping early (never trapping) on a truncated stream.
enum XORDecoder {
    /// Appends the chunk's samples with `mint <= t <= maxt` to `out`; returns false if the stream
    /// ended before `count` samples were read.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, mint: Int64 = .min, maxt: Int64 = .max,
                       into out: inout [Sample]) -> Bool {
        var r = BitReader(bytes)
        var t: Int64 = 0
        var vBits: UInt64 = 0
        var tDelta: Int64 = 0
        var leading = 0
        var trailing = 0
        var i = 0
        while i < count {
            if i == 0 {
                guard let t0 = r.readVarint(), let v0 = r.read(bits: 64) else { return false }
                t = t0
                vBits = v0
            } else {
                if i == 1 {
                    guard let d = r.readVarint() else { return false }
                    tDelta = d
                } else {
                    guard let dod = readDoD(&r) else { return false }
                    tDelta = tDelta &+ dod
                }
                t = t &+ tDelta
                guard readValue(&r, &vBits, &leading, &trailing) else { return false }
            }
            i += 1
            if t > maxt { return true }
            if t >= mint { out.append(Sample(t: t, v: Double(bitPattern: vBits))) }
        }
        return true
    }

    static func decode(_ bytes: [UInt8], count: Int) -> [Sample] {
        var out: [Sample] = []
        out.reserveCapacity(count)
        bytes.withUnsafeBytes { _ = decode($0, count: count, into: &out) }
        return out
    }

    @inline(__always)
    private static func readDoD(_ r: inout BitReader) -> Int64? {
        var prefix = 0
        while prefix < 5 {
            guard let b = r.readBit() else { return nil }
            if !b { break }
            prefix += 1
        }
        let width: Int
        switch prefix {
        case 0: return 0
        case 1: width = 4
        case 2: width = 8
        case 3: width = 14
        case 4: width = 20
        default: width = 64
        }
        guard let raw = r.read(bits: width) else { return nil }
        if width == 64 { return Int64(bitPattern: raw) }
        // Sign-extend the two's complement field.
        let shift = UInt64(64 - width)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    @inline(__always)
    private static func readValue(_ r: inout BitReader, _ vBits: inout UInt64, _ leading: inout Int,
                                  _ trailing: inout Int) -> Bool {
        guard let changed = r.readBit() else { return false }
        if !changed { return true }
        guard let newWindow = r.readBit() else { return false }
        if newWindow {
            guard let header = r.read(bits: 11) else { return false }
            leading = Int(header >> 6)
            var sig = Int(header & 63)
            if sig == 0 { sig = 64 }
            // A corrupt header could claim more bits than a word has.
            guard leading + sig <= 64 else { return false }
            trailing = 64 - leading - sig
        }
        let sig = 64 - leading - trailing
        guard sig > 0, let bits = r.read(bits: sig) else { return false }
        vBits ^= bits << UInt64(trailing)
        return true
    }
}
