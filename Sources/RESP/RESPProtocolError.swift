/// Why a byte stream is not valid RESP2 (or breaks a `RESPLimits` bound), and where: `offset` counts
/// bytes from the start of the stream fed to the decoder.
public struct RESPProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A reply started with a byte that is not a RESP2 type marker.
        case unexpectedTypeByte(UInt8)
        /// A RESP3-only type marker (we speak RESP2).
        case resp3Type(UInt8)
        /// An integer or length line that is not a base-10 64-bit integer.
        case invalidInteger(String)
        /// A bulk string or array length below -1.
        case negativeLength(Int64)
        case bulkTooLong(declared: Int64, limit: Int)
        case arrayTooLong(declared: Int64, limit: Int)
        case tooDeep(limit: Int)
        case replyTooLarge(limit: Int)
        case lineTooLong(limit: Int)
        /// A line holding a bare CR or LF, or a bulk string not followed by CRLF.
        case missingCRLF
    }

    public let kind: Kind
    public let offset: Int

    public init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String {
        "RESP protocol error at byte \(offset): " + detail
    }

    private var detail: String {
        switch kind {
        case .unexpectedTypeByte(let b): return "unexpected reply type \(Self.show(b))"
        case .resp3Type(let b): return "RESP3 reply type \(Self.show(b)) on a RESP2 connection"
        case .invalidInteger(let s): return "invalid integer \"\(s)\""
        case .negativeLength(let n): return "invalid length \(n)"
        case .bulkTooLong(let n, let limit): return "bulk string length \(n) exceeds the limit of \(limit) bytes"
        case .arrayTooLong(let n, let limit): return "array length \(n) exceeds the limit of \(limit) elements"
        case .tooDeep(let limit): return "arrays nested deeper than \(limit) levels"
        case .replyTooLarge(let limit): return "reply larger than the limit of \(limit) bytes"
        case .lineTooLong(let limit): return "line longer than \(limit) bytes without CRLF"
        case .missingCRLF: return "expected CRLF"
        }
    }

    static func show(_ b: UInt8) -> String {
        if b >= 33 && b <= 126 { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }
}
