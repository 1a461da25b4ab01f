/// The gzip / zlib framing around the DEFLATE data: headers, trailers, checksums, member
/// boundaries and trailing data.
extension InflateStream {
    mutating func process(_ input: UnsafeBufferPointer<UInt8>, origin: Int) throws(InflateError) {
        var pos = 0
        while true {
            switch stage {
            case .gzipHeader:
                guard try gzipHeader.read(input, &pos, origin: origin) else { return }
                startStream(.crc32)
            case .zlibHeader:
                while framing.count < 2 && pos < input.count {
                    framing.append(input[pos])
                    pos += 1
                }
                guard framing.count == 2 else { return }
                let cmf = framing[0], flg = framing[1]
                framing = []
                if cmf & 0x0F == 8 && cmf >> 4 <= 7 && (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 {
                    guard flg & 0x20 == 0 else {
                        throw .corrupt("zlib stream requires a preset dictionary", at: origin + pos - 1)
                    }
                    startStream(.adler32)
                } else {
                    // No zlib header: raw DEFLATE. Decode the two bytes we took as data.
                    startStream(.none)
                    if pos >= 2 {
                        pos -= 2
                    } else {
                        let earlier = Array([cmf, flg][0..<(2 - pos)])
                        pos = 0
                        try earlier.withUnsafeBufferPointer { (b) throws(InflateError) in
                            try process(b, origin: origin - earlier.count)
                        }
                    }
                }
            case .deflate:
                let finished = try decoder.run(input, &pos, &output, origin: origin)
                updateChecksum()
                guard finished else {
                    decoder.bits.clearUnusedBits()
                    return
                }
                switch check {
                case .crc32: stage = .gzipTrailer
                case .adler32: stage = .zlibTrailer
                case .none: stage = .end
                }
                // Whole bytes the decoder read ahead belong to the trailer / what follows.
                let ahead = decoder.bits.count >> 3
                if pos >= ahead {
                    pos -= ahead
                    decoder.bits = BitBuffer()
                } else {
                    let rest = decoder.bits.takeBytes() + Array(input[pos...])
                    try rest.withUnsafeBufferPointer { (b) throws(InflateError) in
                        try process(b, origin: origin + pos - ahead)
                    }
                    return
                }
            case .gzipTrailer:
                guard collect(8, input, &pos) else { return }
                let storedCRC = littleEndian32(framing, 0)
                let storedSize = littleEndian32(framing, 4)
                framing = []
                guard storedCRC == crc.value else { throw .checksum("gzip CRC-32 mismatch") }
                guard storedSize == UInt32(truncatingIfNeeded: output.totalOutput - memberStartTotal) else {
                    throw .checksum("gzip ISIZE does not match the decompressed length")
                }
                stage = .memberBoundary
            case .zlibTrailer:
                guard collect(4, input, &pos) else { return }
                let stored = UInt32(framing[0]) << 24 | UInt32(framing[1]) << 16
                    | UInt32(framing[2]) << 8 | UInt32(framing[3])
                framing = []
                guard stored == adler.value else { throw .checksum("zlib Adler-32 mismatch") }
                stage = .end
            case .memberBoundary:
                guard pos < input.count else { return }
                if input[pos] == 0x1F {
                    gzipHeader = GzipHeaderReader()
                    stage = .gzipHeader
                } else if input[pos] == 0 {
                    stage = .zeroPadding
                } else {
                    throw .corrupt("unexpected data after gzip member", at: origin + pos)
                }
            case .zeroPadding:
                while pos < input.count {
                    guard input[pos] == 0 else {
                        throw .corrupt("unexpected data after gzip member", at: origin + pos)
                    }
                    pos += 1
                }
                return
            case .end:
                guard pos == input.count else {
                    throw .corrupt("unexpected data after the end of the compressed stream", at: origin + pos)
                }
                return
            }
        }
    }

    private mutating func startStream(_ check: Check) {
        self.check = check
        stage = .deflate
        decoder = DeflateDecoder()
        crc = CRC32()
        adler = Adler32()
        output.streamStart = output.count
        checkedUpTo = output.count
        memberStartTotal = output.totalOutput
    }

    private mutating func updateChecksum() {
        let from = checkedUpTo, to = output.count
        guard to > from else { return }
        checkedUpTo = to
        switch check {
        case .none: return
        case .crc32:
            output.bytes.withUnsafeBufferPointer { crc.update(UnsafeBufferPointer(rebasing: $0[from..<to])) }
        case .adler32:
            output.bytes.withUnsafeBufferPointer { adler.update(UnsafeBufferPointer(rebasing: $0[from..<to])) }
        }
    }

    private mutating func collect(_ n: Int, _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Bool {
        while framing.count < n && pos < input.count {
            framing.append(input[pos])
            pos += 1
        }
        return framing.count == n
    }

    private func littleEndian32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
