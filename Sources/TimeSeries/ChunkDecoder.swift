/// Decodes a chunk written by `ChunkEncoder`, stopping early (never trapping) on a truncated or
/// corrupt stream.
enum ChunkDecoder {
    /// Appends the chunk's samples with `mint <= t <= maxt` to `out`; returns false if the stream
    /// ended (or turned out corrupt) before `count` samples were read.
    @discardableResult
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, mint: Int64 = .min, maxt: Int64 = .max,
                       into out: inout [Sample]) -> Bool {
        var r = BitReader(bytes)
        var t: Int64 = 0
        var tDelta: Int64 = 0
        var time = TimeModel()
        var vBits: UInt64 = 0
        var mode = ChunkEncoder.decimal
        var model = ValueModel()
        var leading = 0
        var trailing = 0
        var i = 0
        while i < count {
            if i == 0 {
                guard let t0 = r.readVarint(), let modeByte = r.read(bits: 8) else { return false }
                t = t0
                if modeByte == ChunkEncoder.xorModeByte || modeByte == ChunkEncoder.bitsDeltaModeByte {
                    mode = modeByte == ChunkEncoder.xorModeByte ? ChunkEncoder.xor : ChunkEncoder.bitsDelta
                    guard let v0 = r.read(bits: 64) else { return false }
                    vBits = v0
                    model.start(Int64(bitPattern: v0), exponent: 0)
                } else {
                    guard modeByte <= UInt64(DecimalScale.maxExponent), let m0 = r.readVarint(),
                          m0 > -DecimalScale.limit, m0 < DecimalScale.limit else { return false }
                    model.start(m0, exponent: Int(modeByte))
                    vBits = DecimalScale.value(m0, exponent: Int(modeByte))
                }
            } else {
                if i == 1 {
                    guard let d = r.readVarint() else { return false }
                    tDelta = d
                    time.start(firstDelta: d)
                } else {
                    let u: UInt64
                    let (predicted, k) = time.prediction()
                    switch RiceCode.read(&r, k: k) {
                    case .value(let x): u = x
                    case .escape:
                        guard let x = RiceCode.readWide(&r) else { return false }
                        u = x
                    case .truncated: return false
                    }
                    tDelta = predicted &+ RiceCode.unzigzag(u)
                    time.observe(tDelta)
                }
                t = t &+ tDelta
                if mode == ChunkEncoder.xor {
                    guard readXOR(&r, &vBits, &leading, &trailing) else { return false }
                } else if mode == ChunkEncoder.bitsDelta {
                    guard readBitsDelta(&r, &model, &vBits, first: i == 1) else { return false }
                } else {
                    guard readDecimal(&r, &model, &vBits, first: i == 1) else { return false }
                }
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
    private static func readXOR(_ r: inout BitReader, _ vBits: inout UInt64, _ leading: inout Int,
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
