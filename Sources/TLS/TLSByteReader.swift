/// Bounds-checked reading of TLS presentation-language fields (RFC 8446 §3): integers and
/// length-prefixed vectors. Every overrun is a decode_error naming the field, never a trap.
struct TLSByteReader {
    let bytes: ArraySlice<UInt8>
    private(set) var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index >= bytes.endIndex }

    mutating func u8(_ field: String) throws(RecordError) -> UInt8 {
        guard index < bytes.endIndex else { throw .decodeError("truncated \(field)") }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func u16(_ field: String) throws(RecordError) -> UInt16 {
        UInt16(try u8(field)) << 8 | UInt16(try u8(field))
    }

    mutating func bytes(_ count: Int, _ field: String) throws(RecordError) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.endIndex - index >= count else { throw .decodeError("truncated \(field)") }
        defer { index += count }
        return bytes[index..<(index + count)]
    }

    /// A vector with a 1-, 2- or 3-byte length prefix.
    mutating func vector(lengthBytes: Int, _ field: String) throws(RecordError) -> ArraySlice<UInt8> {
        var length = 0
        for _ in 0..<lengthBytes { length = length << 8 | Int(try u8(field)) }
        return try bytes(length, field)
    }

    func finish(_ field: String) throws(RecordError) {
        guard isAtEnd else { throw .decodeError("\(bytes.endIndex - index) trailing bytes in \(field)") }
    }
}
