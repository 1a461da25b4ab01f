/// Decodes a chunk written by `ChunkEncoder`, stopping early (never trapping) on a truncated or
/// corrupt stream.
enum ChunkDecoder {
    /// Appends the chunk's samples with `mint <= t <= maxt` to `out`; returns false if the stream
    /// ended (or turned out corrupt) before `count` samples were read.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, mint: Int64 = .min, maxt: Int64 = .max,
                       into out: inout [Sample]) -> Bool {
        var cursor = ChunkCursor()
        var skipped: ChunkCursor?
        return decode(bytes, count: count, mint: mint, maxt: maxt, cursor: &cursor, skipped: &skipped, into: &out)
    }

    /// Decodes from `cursor` on (a fresh cursor starts at the chunk's first sample), appending the
    /// samples with `mint <= t <= maxt` to `out` and leaving `cursor` after the last sample read.
    /// `skipped` is set to the cursor after the last sample read with `t < mint` (left alone when
    /// there is none): where a later decode of a window starting at or after `mint` can resume.
    /// Returns false if the stream ended (or turned out corrupt) before `count` samples were read.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, mint: Int64, maxt: Int64,
                       cursor: inout ChunkCursor, skipped: inout ChunkCursor?, into out: inout [Sample]) -> Bool {
        var r = BitReader(bytes, position: cursor.position)
        var c = cursor
        defer {
            c.position = r.position
            cursor = c
        }
        while c.index < count {
            if c.index == 0 {
                guard let t0 = r.readVarint(), let modeByte = r.read(bits: 8) else { return false }
                c.t = t0
                if modeByte == ChunkEncoder.xorModeByte || modeByte == ChunkEncoder.bitsDeltaModeByte {
                    c.mode = modeByte == ChunkEncoder.xorModeByte ? ChunkEncoder.xor : ChunkEncoder.bitsDelta
                    guard let v0 = r.read(bits: 64) else { return false }
                    c.vBits = v0
                    c.model.start(Int64(bitPattern: v0), exponent: 0)
                } else {
                    guard modeByte <= UInt64(DecimalScale.maxExponent), let m0 = r.readVarint(),
                          m0 > -DecimalScale.limit, m0 < DecimalScale.limit else { return false }
                    c.mode = ChunkEncoder.decimal
                    c.model.start(m0, exponent: Int(modeByte))
                    c.vBits = DecimalScale.value(m0, exponent: Int(modeByte))
                }
            } else {
                let tDelta: Int64
                if c.index == 1 {
                    guard let d = r.readVarint() else { return false }
                    tDelta = d
                    c.time.start(firstDelta: d)
                } else {
                    let u: UInt64
                    let (predicted, k) = c.time.prediction()
                    switch RiceCode.read(&r, k: k) {
                    case .value(let x): u = x
                    case .escape:
                        guard let x = RiceCode.readWide(&r) else { return false }
                        u = x
                    case .truncated: return false
                    }
                    tDelta = predicted &+ RiceCode.unzigzag(u)
                    c.time.observe(tDelta)
                }
                c.t = c.t &+ tDelta
                if c.mode == ChunkEncoder.xor {
                    guard readXOR(&r, &c.vBits, &c.leading, &c.trailing) else { return false }
                } else if c.mode == ChunkEncoder.bitsDelta {
                    guard readBitsDelta(&r, &c.model, &c.vBits, first: c.index == 1) else { return false }
                } else {
                    guard readDecimal(&r, &c.model, &c.vBits, first: c.index == 1) else { return false }
                }
            }
            c.index += 1
            if c.t > maxt { return true }
            if c.t >= mint {
                out.append(Sample(t: c.t, v: Double(bitPattern: c.vBits)))
            } else {
                c.position = r.position
                skipped = c
            }
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
    private static func readDecimal(_ r: inout BitReader, _ model: inout ValueModel, _ vBits: inout UInt64,
                                    first: Bool) -> Bool {
        var (predicted, k) = model.prediction()
        var ulps: Int64 = 0
        let u: UInt64
        switch RiceCode.read(&r, k: k) {
        case .value(let x): u = x
        case .truncated: return false
        case .escape:
            guard let tag = r.read(bits: 2) else { return false }
            switch tag {
            case 0b00:
                guard let x = RiceCode.readWide(&r) else { return false }
                u = x
            case 0b01:
                guard let raw = r.read(bits: 64) else { return false }
                vBits = raw
                return true
            case 0b10, 0b11:
                guard let e = r.read(bits: 4) else { return false }
                if Int(e) != Int(model.exponent) || tag == 0b10 {
                    guard model.rescale(to: Int(e)) else { return false }
                }
                if tag == 0b11 {
                    guard let z = RiceCode.readWide(&r) else { return false }
                    ulps = RiceCode.unzigzag(z)
                    guard ulps >= -DecimalScale.maxUlps, ulps <= DecimalScale.maxUlps else { return false }
                }
                (predicted, k) = model.prediction()
                switch RiceCode.read(&r, k: k) {
                case .value(let x): u = x
                case .truncated: return false
                case .escape:
                    guard r.read(bits: 2) == 0b00, let x = RiceCode.readWide(&r) else { return false }
                    u = x
                }
            default:
                return false
            }
        }
        let m = predicted &+ RiceCode.unzigzag(u)
        guard m > -DecimalScale.limit, m < DecimalScale.limit else { return false }
        model.observe(m, first: first)
        vBits = UInt64(bitPattern: Int64(bitPattern: DecimalScale.value(m, exponent: Int(model.exponent))) &+ ulps)
        return true
    }

    @inline(__always)
    private static func readBitsDelta(_ r: inout BitReader, _ model: inout ValueModel, _ vBits: inout UInt64,
                                      first: Bool) -> Bool {
        let (predicted, k) = model.prediction()
        let u: UInt64
        switch RiceCode.read(&r, k: k) {
        case .value(let x): u = x
        case .truncated: return false
        case .escape:
            guard r.read(bits: 2) == 0b00, let x = RiceCode.readWide(&r) else { return false }
            u = x
        }
        let m = predicted &+ RiceCode.unzigzag(u)
        model.observe(m, first: first)
        vBits = UInt64(bitPattern: m)
        return true
    }

    @inline(__always)
    private static func readXOR(_ r: inout BitReader, _ vBits: inout UInt64, _ leading: inout UInt8,
                                _ trailing: inout UInt8) -> Bool {
        guard let changed = r.readBit() else { return false }
        if !changed { return true }
        guard let newWindow = r.readBit() else { return false }
        if newWindow {
            guard let header = r.read(bits: 11) else { return false }
            let lead = Int(header >> 6)
            var sig = Int(header & 63)
            if sig == 0 { sig = 64 }
            // A corrupt header could claim more bits than a word has.
            guard lead + sig <= 64 else { return false }
            leading = UInt8(lead)
            trailing = UInt8(64 - lead - sig)
        }
        let sig = 64 - Int(leading) - Int(trailing)
        guard sig > 0, let bits = r.read(bits: sig) else { return false }
        vBits ^= bits << UInt64(trailing)
        return true
    }
}
