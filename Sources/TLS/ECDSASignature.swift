/// The DER form of an ECDSA signature, `SEQUENCE { r INTEGER, s INTEGER }` (RFC 5480 §2.2.3), parsed
/// strictly: definite minimal lengths, minimal positive integers, no trailing bytes.
public enum ECDSASignature {
    /// Returns r and s as big-endian magnitudes (leading zero bytes removed).
    public static func parseDER(_ der: [UInt8]) throws(CryptoError) -> (r: [UInt8], s: [UInt8]) {
        var i = 0
        func fail(_ reason: String) -> CryptoError { .invalidSignatureEncoding("\(reason) at byte \(i)") }
        func length() throws(CryptoError) -> Int {
            guard i < der.count else { throw fail("truncated length") }
            let first = der[i]
            i += 1
            if first < 0x80 { return Int(first) }
            guard first == 0x81 else { throw fail("unsupported length form 0x\(String(first, radix: 16))") }
            guard i < der.count else { throw fail("truncated length") }
            let value = Int(der[i])
            i += 1
            guard value >= 0x80 else { throw fail("non-minimal length") }
            return value
        }
        func integer() throws(CryptoError) -> [UInt8] {
            guard i < der.count, der[i] == 0x02 else { throw fail("expected INTEGER") }
            i += 1
            let n = try length()
            guard n > 0, i + n <= der.count else { throw fail("bad INTEGER length") }
            let bytes = Array(der[i..<(i + n)])
            guard bytes[0] & 0x80 == 0 else { throw fail("negative INTEGER") }
            if n > 1, bytes[0] == 0, bytes[1] & 0x80 == 0 { throw fail("non-minimal INTEGER") }
            i += n
            return Array(bytes.drop(while: { $0 == 0 }))
        }
        guard der.first == 0x30 else { throw fail("expected SEQUENCE") }
        i = 1
        let total = try length()
        guard i + total == der.count else { throw fail("SEQUENCE length \(total) does not match the \(der.count - i) bytes present") }
        let r = try integer()
        let s = try integer()
        guard i == der.count else { throw fail("trailing bytes in SEQUENCE") }
        return (r, s)
    }
}
