/// Decoding of Huffman-coded block contents: a fast loop that runs while at least 8 input bytes
/// and a full symbol's worth of output room remain (no per-bit checks), and a careful path that
/// decodes one whole symbol or nothing, used near the end of each input chunk.
extension DeflateDecoder {
    /// Why the fast loop returned.
    enum FastStop {
        case nearInputEnd
        case needRoom
        case endOfBlock
        case invalidLiteralLength
        case invalidDistance
        case distanceTooFar(Int)
    }

    /// What one careful decoding step achieved.
    enum CarefulStep {
        case progress
        case needInput
        case endOfBlock
    }

    /// Decodes symbols until the block ends (true) or input runs out (false).
    mutating func decodeCodes(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ out: inout OutputBuffer, origin: Int
    ) throws(InflateError) -> Bool {
        while true {
            try out.reserve(OutputBuffer.slack)
            switch fastLoop(input, &pos, &out) {
            case .endOfBlock:
                return true
            case .needRoom:
                continue
            case .nearInputEnd:
                switch try carefulSymbol(input, &pos, &out, origin: origin) {
                case .progress: continue
                case .needInput: return false
                case .endOfBlock: return true
                }
            case .invalidLiteralLength:
                throw .corrupt("invalid literal/length code", at: offset(origin, pos))
            case .invalidDistance:
                throw .corrupt("invalid distance code", at: offset(origin, pos))
            case .distanceTooFar(let d):
                throw .corrupt("distance \(d) reaches before the start of the output", at: offset(origin, pos))
            }
        }
    }

    /// The hot loop. Each iteration refills the bit buffer to ≥ 56 bits with one unaligned 8-byte
    /// load, which covers a whole length/distance pair (at most 15+5+15+13 = 48 bits).
    @inline(__always)
    mutating func fastLoop(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ out: inout OutputBuffer
    ) -> FastStop {
        guard input.count >= 8, let inBase = input.baseAddress else { return .nearInputEnd }
        let inRaw = UnsafeRawPointer(inBase)
        let inLast = input.count - 8
        let outLast = out.bytes.count - OutputBuffer.slack
        var bb = bits.bits
        var bc = bits.count
        var ip = pos
        var op = out.count
        let start = out.streamStart
        let lit = literalTable
        let dist = distanceTable
        let litMask: UInt64 = (1 << 10) - 1
        let distMask: UInt64 = (1 << 8) - 1
        let stop: FastStop = out.bytes.withUnsafeMutableBufferPointer { ob -> FastStop in
            let o = ob.baseAddress!
            return lit.withUnsafeBufferPointer { lb -> FastStop in
                let lt = lb.baseAddress!
                return dist.withUnsafeBufferPointer { db -> FastStop in
                    let dt = db.baseAddress!
                    while true {
                        if ip > inLast { return .nearInputEnd }
                        if op > outLast { return .needRoom }
                        bb |= UInt64(littleEndian: inRaw.loadUnaligned(fromByteOffset: ip, as: UInt64.self)) &<< UInt64(bc)
                        ip &+= (63 &- bc) &>> 3
                        bc |= 56

                        var e = lt[Int(truncatingIfNeeded: bb & litMask)]
                        if e & HuffmanTable.link != 0 {
                            bb &>>= 10
                            bc &-= 10
                            let sub = (UInt64(1) &<< UInt64((e >> 4) & 15)) &- 1
                            e = lt[Int(truncatingIfNeeded: e >> 16) &+ Int(truncatingIfNeeded: bb & sub)]
                        }
                        let n = e & 15
                        bb &>>= UInt64(n)
                        bc &-= Int(n)
                        if e & HuffmanTable.literal != 0 {
                            o[op] = UInt8(truncatingIfNeeded: e >> 16)
                            op &+= 1
                            // A second literal usually fits in the bits already held.
                            if bc >= 15 {
                                let e2 = lt[Int(truncatingIfNeeded: bb & litMask)]
                                if e2 & HuffmanTable.literal != 0 {
                                    let n2 = e2 & 15
                                    bb &>>= UInt64(n2)
                                    bc &-= Int(n2)
                                    o[op] = UInt8(truncatingIfNeeded: e2 >> 16)
                                    op &+= 1
                                }
                            }
                            continue
                        }
                        if e & (HuffmanTable.endOfBlock | HuffmanTable.invalid) != 0 {
                            return e & HuffmanTable.endOfBlock != 0 ? .endOfBlock : .invalidLiteralLength
                        }
                        let lx = UInt64((e >> 4) & 15)
                        let length = Int(truncatingIfNeeded: e >> 16) &+ Int(truncatingIfNeeded: bb & ((1 &<< lx) &- 1))
                        bb &>>= lx
                        bc &-= Int(lx)

                        var d = dt[Int(truncatingIfNeeded: bb & distMask)]
                        if d & HuffmanTable.link != 0 {
                            bb &>>= 8
                            bc &-= 8
                            let sub = (UInt64(1) &<< UInt64((d >> 4) & 15)) &- 1
                            d = dt[Int(truncatingIfNeeded: d >> 16) &+ Int(truncatingIfNeeded: bb & sub)]
                        }
                        let dn = d & 15
                        bb &>>= UInt64(dn)
                        bc &-= Int(dn)
                        if d & HuffmanTable.invalid != 0 { return .invalidDistance }
                        let dx = UInt64((d >> 4) & 15)
                        let distance = Int(truncatingIfNeeded: d >> 16) &+ Int(truncatingIfNeeded: bb & ((1 &<< dx) &- 1))
                        bb &>>= dx
                        bc &-= Int(dx)
                        if distance > op &- start { return .distanceTooFar(distance) }
                        DeflateDecoder.copyMatch(o, op, distance, length)
                        op &+= length
                    }
                }
            }
        }
        bits.bits = bb
        bits.count = bc
        pos = ip
        out.count = op
        return stop
    }

    /// Copies a back-reference; may write up to 7 bytes past `length` (the buffer has slack).
    @inline(__always)
    static func copyMatch(_ o: UnsafeMutablePointer<UInt8>, _ op: Int, _ distance: Int, _ length: Int) {
        let dst = o + op
        let src = dst - distance
        if distance >= 8 {
            let d = UnsafeMutableRawPointer(dst)
            let s = UnsafeRawPointer(src)
            var i = 0
            repeat {
                d.storeBytes(of: s.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i &+= 8
            } while i < length
        } else if distance == 1 {
            dst.update(repeating: src[0], count: length)
        } else {
            var i = 0
            while i < length {
                dst[i] = src[i]
                i &+= 1
            }
        }
    }

    /// Decodes exactly one symbol (literal, match or end of block), or consumes nothing and
    /// reports `.needInput` when the buffered bits end inside it.
    mutating func carefulSymbol(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, _ out: inout OutputBuffer, origin: Int
    ) throws(InflateError) -> CarefulStep {
        _ = bits.fill(48, input, &pos)
        let bb = bits.bits
        let bc = bits.count
        var e = literalTable[Int(truncatingIfNeeded: bb & 1023)]
        var used = 0
        if e & HuffmanTable.link != 0 {
            guard bc >= 10 else { return .needInput }
            used = 10
            let sub = (UInt64(1) << UInt64((e >> 4) & 15)) - 1
            e = literalTable[Int(e >> 16) + Int(truncatingIfNeeded: (bb >> 10) & sub)]
        }
        used += Int(e & 15)
        guard used <= bc else { return .needInput }
        if e & HuffmanTable.literal != 0 {
            bits.drop(used)
            out.bytes[out.count] = UInt8(truncatingIfNeeded: e >> 16)
            out.count += 1
            return .progress
        }
        if e & HuffmanTable.endOfBlock != 0 {
            bits.drop(used)
            return .endOfBlock
        }
        if e & HuffmanTable.invalid != 0 {
            throw .corrupt("invalid literal/length code", at: offset(origin, pos))
        }
        let lx = Int((e >> 4) & 15)
        guard used + lx <= bc else { return .needInput }
        let length = Int(e >> 16) + Int(truncatingIfNeeded: (bb >> UInt64(used)) & ((1 << UInt64(lx)) - 1))
        used += lx
        let rest = bb >> UInt64(used)
        var d = distanceTable[Int(truncatingIfNeeded: rest & 255)]
        var dused = 0
        if d & HuffmanTable.link != 0 {
            guard used + 8 <= bc else { return .needInput }
            dused = 8
            let sub = (UInt64(1) << UInt64((d >> 4) & 15)) - 1
            d = distanceTable[Int(d >> 16) + Int(truncatingIfNeeded: (rest >> 8) & sub)]
        }
        dused += Int(d & 15)
        guard used + dused <= bc else { return .needInput }
        if d & HuffmanTable.invalid != 0 {
            throw .corrupt("invalid distance code", at: offset(origin, pos))
        }
        let dx = Int((d >> 4) & 15)
        guard used + dused + dx <= bc else { return .needInput }
        let distance = Int(d >> 16) + Int(truncatingIfNeeded: (rest >> UInt64(dused)) & ((1 << UInt64(dx)) - 1))
        guard distance <= out.count - out.streamStart else {
            throw .corrupt("distance \(distance) reaches before the start of the output", at: offset(origin, pos))
        }
        bits.drop(used + dused + dx)
        let start = out.count
        out.bytes.withUnsafeMutableBufferPointer { ob in
            let o = ob.baseAddress!
            for i in 0..<length { o[start + i] = o[start + i - distance] }
        }
        out.count += length
        return .progress
    }
}
