/// Strict UTF-8 validation over raw bytes (no overlongs, no surrogates, nothing above U+10FFFF),
/// with an eight-bytes-at-a-time ASCII fast path.
enum UTF8Validator {
    /// The offset of the first invalid byte in `[start, end)`, or nil when the range is valid UTF-8.
    static func firstInvalid(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            if end - i >= 8 {
                let word = UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            guard end - i > need else { return i }
            let second = b[i + 1]
            if second < lower || second > upper { return i }
            var k = 2
            while k <= need {
                if b[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }
}
