/// A bounds-checked cursor over one block's payload: every read that would run past the end or
/// overflow throws a `RecordingError` naming the absolute byte offset, never traps.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0
    /// Offset of `bytes[0]` in the file, for error messages.
    let base: Int64
    let file: String

    init(_ bytes: [UInt8], base: Int64, file: String) {
        self.bytes = bytes
        self.base = base
        self.file = file
    }

    var atEnd: Bool { position >= bytes.count }
    var remaining: Int { bytes.count - position }

    func error(_ message: String, at p: Int? = nil) -> RecordingError {
        RecordingError(file: file, offset: base + Int64(p ?? position), message)
    }

    @inline(__always)
    mutating func byte() throws(RecordingError) -> UInt8 {
        guard position < bytes.count else { throw error("block ends inside a record") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uvarint() throws(RecordingError) -> UInt64 {
        let start = position
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw error("block ends inside a varint", at: start) }
            let b = bytes[position]
            position += 1
            if shift == 63 && b > 1 { throw error("varint overflows 64 bits", at: start) }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    mutating func varint() throws(RecordingError) -> Int64 { ZigZag.decode(try uvarint()) }

    /// An unsigned varint that must be at most `limit`, as an Int.
    mutating func count(max limit: Int, _ what: String) throws(RecordingError) -> Int {
        let start = position
        let v = try uvarint()
        guard v <= UInt64(limit) else { throw error("\(what) \(v) exceeds the limit of \(limit)", at: start) }
        return Int(v)
    }

    mutating func take(_ n: Int) throws(RecordingError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw error("block ends inside a record (\(n) bytes wanted, \(remaining) left)") }
        defer { position += n }
        return bytes[position..<(position + n)]
    }

    mutating func string(max limit: Int) throws(RecordingError) -> String {
        let n = try count(max: limit, "string length")
        let start = position
        let raw = try take(n)
        guard let s = String(validating: raw, as: UTF8.self) else { throw error("string is not valid UTF-8", at: start) }
        return s
    }
}
