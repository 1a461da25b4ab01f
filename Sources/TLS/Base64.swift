/// Standard base64 (RFC 4648 §4) decoding for PEM bodies; whitespace is skipped, padding required.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var accumulator: UInt32 = 0, count = 0, padding = 0
        for c in text.utf8 {
            let value: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(c - 71)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(c) + 4
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="):
                padding += 1
                value = 0
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): continue
            default: return nil
            }
            if padding > 0, c != UInt8(ascii: "=") { return nil } // data after padding
            accumulator = accumulator << 6 | value
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                if padding < 2 { out.append(UInt8(truncatingIfNeeded: accumulator >> 8)) }
                if padding < 1 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
                if padding > 0 { count = -100 } // nothing may follow a padded quantum
                accumulator = 0
                if count == 4 { count = 0 }
            }
        }
        guard count == 0 || count == -100, padding <= 2 else { return nil }
        return out
    }
}
