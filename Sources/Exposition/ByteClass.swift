/// Character classes of the exposition grammars (promlex/openmetricslex `M`, `L`, `D`) as bit tests.
enum ByteClass {
    // Bits 0-63 and 64-127 of the ASCII table.
    private static let digitsLow: UInt64 = 0x03FF_0000_0000_0000
    private static let colonLow: UInt64 = 1 << 58
    private static let lettersHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE  // A-Z, '_', a-z

    /// `[a-zA-Z_:]`
    @inline(__always) static func isMetricNameStart(_ c: UInt8) -> Bool {
        c < 64 ? (colonLow >> UInt64(c)) & 1 == 1 : c < 128 && (lettersHigh >> UInt64(c &- 64)) & 1 == 1
    }

    /// `[a-zA-Z_:0-9]`
    @inline(__always) static func isMetricNameContinue(_ c: UInt8) -> Bool {
        c < 64 ? ((colonLow | digitsLow) >> UInt64(c)) & 1 == 1 : c < 128 && (lettersHigh >> UInt64(c &- 64)) & 1 == 1
    }

    /// `[a-zA-Z_]`
    @inline(__always) static func isLabelNameStart(_ c: UInt8) -> Bool {
        c >= 64 && c < 128 && (lettersHigh >> UInt64(c &- 64)) & 1 == 1
    }

    /// `[a-zA-Z_0-9]`
    @inline(__always) static func isLabelNameContinue(_ c: UInt8) -> Bool {
        c < 64 ? (digitsLow >> UInt64(c)) & 1 == 1 : c < 128 && (lettersHigh >> UInt64(c &- 64)) & 1 == 1
    }

    /// A short human description of a byte for error messages.
    static func describe(_ c: UInt8?) -> String {
        guard let c else { return "end of input" }
        switch c {
        case 10: return "end of line"
        case 9: return "tab"
        case 32: return "space"
        case 0: return "NUL byte"
        case 33...126: return "'\(Character(Unicode.Scalar(c)))'"
        default: return "byte 0x" + String(c, radix: 16, uppercase: true)
        }
    }
}
