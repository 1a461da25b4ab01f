/// Strict UTF-8 decoding that reports the line and column of the first bad byte, so a file
/// with a stray Latin-1 byte gets a precise error instead of replacement characters.
enum UTF8Check {
    static func decode(_ bytes: [UInt8], file: String) throws(YAMLError) -> String {
        var line = 1, column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            let minimum: UInt32
            switch b {
            case 0x00...0x7F: length = 1; minimum = 0
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default:
                throw invalid(file, line, column, "byte 0x\(hex(b)) cannot start a UTF-8 sequence")
            }
            guard i + length <= bytes.count else {
                throw invalid(file, line, column, "truncated UTF-8 sequence at the end of input")
            }
            var code = UInt32(b) & (length == 1 ? 0x7F : UInt32(0xFF >> (length + 1)))
            for k in 0..<(length - 1) {
                let c = bytes[i + 1 + k]
                guard c & 0xC0 == 0x80 else {
                    throw invalid(file, line, column, "byte 0x\(hex(c)) is not a UTF-8 continuation byte")
                }
                code = code << 6 | UInt32(c & 0x3F)
            }
            guard code >= minimum, code <= 0x10FFFF, !(0xD800...0xDFFF).contains(code) else {
                throw invalid(file, line, column, "invalid UTF-8 sequence (overlong, surrogate or out of range)")
            }
            if b == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> String {
        (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }

    private static func invalid(_ file: String, _ line: Int, _ column: Int, _ message: String) -> YAMLError {
        YAMLError(file: file, line: line, column: column, message: "invalid UTF-8: \(message)")
    }
}
