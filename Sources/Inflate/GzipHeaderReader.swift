/// Reads a gzip member header (RFC 1952 §2.3) byte-range by byte-range across input chunks,
/// skipping the optional extra field, file name and comment without buffering them, and
/// checking the optional header CRC.
struct GzipHeaderReader: Sendable {
    /// Which header field is read next.
    enum Stage: Sendable {
        case fixed
        case extraLength
        case extra(remaining: Int)
        case name
        case comment
        case headerCRC
        case done
    }

    static let flagHeaderCRC: UInt8 = 0x02
    static let flagExtra: UInt8 = 0x04
    static let flagName: UInt8 = 0x08
    static let flagComment: UInt8 = 0x10

    var stage: Stage = .fixed
    var collected: [UInt8] = []
    var flags: UInt8 = 0
    var crc = CRC32()

    /// Consumes header bytes from `input[pos...]`; true once the header is complete.
    mutating func read(
        _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int, origin: Int
    ) throws(InflateError) -> Bool {
        while true {
            switch stage {
            case .fixed:
                let complete = collect(10, input, &pos)
                // Check the magic as soon as it arrives, so a plain-text body is rejected at once.
                if (collected.count >= 1 && collected[0] != 0x1F) || (collected.count >= 2 && collected[1] != 0x8B) {
                    throw .corrupt("not a gzip stream (bad magic bytes)", at: origin + pos - collected.count)
                }
                guard complete else { return false }
                guard collected[2] == 8 else {
                    throw .corrupt("unsupported gzip compression method \(collected[2])", at: origin + pos - 8)
                }
                flags = collected[3]
                guard flags & 0xE0 == 0 else {
                    throw .corrupt("reserved gzip header flags set", at: origin + pos - 7)
                }
                crc.update(collected)
                collected = []
                stage = .extraLength
            case .extraLength:
                guard flags & GzipHeaderReader.flagExtra != 0 else {
                    stage = .name
                    continue
                }
                guard collect(2, input, &pos) else { return false }
                crc.update(collected)
                stage = .extra(remaining: Int(collected[0]) | Int(collected[1]) << 8)
                collected = []
            case .extra(let remaining):
                let n = min(remaining, input.count - pos)
                crc.update(UnsafeBufferPointer(rebasing: input[pos..<(pos + n)]))
                pos += n
                if remaining - n > 0 {
                    stage = .extra(remaining: remaining - n)
                    return false
                }
                stage = .name
            case .name, .comment:
                let isName: Bool
                if case .name = stage { isName = true } else { isName = false }
                let flag = isName ? GzipHeaderReader.flagName : GzipHeaderReader.flagComment
                if flags & flag != 0 {
                    let start = pos
                    while pos < input.count && input[pos] != 0 { pos += 1 }
                    let ended = pos < input.count
                    if ended { pos += 1 }
                    crc.update(UnsafeBufferPointer(rebasing: input[start..<pos]))
                    if !ended { return false }
                }
                stage = isName ? .comment : .headerCRC
            case .headerCRC:
                guard flags & GzipHeaderReader.flagHeaderCRC != 0 else {
                    stage = .done
                    continue
                }
                guard collect(2, input, &pos) else { return false }
                let stored = UInt16(collected[0]) | UInt16(collected[1]) << 8
                guard stored == UInt16(truncatingIfNeeded: crc.value) else {
                    throw .checksum("gzip header CRC mismatch")
                }
                collected = []
                stage = .done
            case .done:
                return true
            }
        }
    }

    private mutating func collect(_ n: Int, _ input: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Bool {
        while collected.count < n && pos < input.count {
            collected.append(input[pos])
            pos += 1
        }
        return collected.count == n
    }
}
