/// The five-byte header of every TLS record (RFC 8446 §5.1/§5.2): content type, legacy version, length.
public struct RecordHeader: Equatable, Sendable {
    public static let size = 5
    /// Largest TLSPlaintext fragment, 2^14.
    public static let maximumPlaintext = 16_384
    /// Largest TLSCiphertext payload, 2^14 + 256.
    public static let maximumCiphertext = 16_384 + 256

    public var contentType: ContentType
    /// As received; TLS 1.3 ignores it (0x0303 on protected records, 0x0301 allowed on the first ClientHello).
    public var legacyVersion: UInt16
    public var length: Int

    public init(contentType: ContentType, legacyVersion: UInt16 = 0x0303, length: Int) {
        self.contentType = contentType
        self.legacyVersion = legacyVersion
        self.length = length
    }

    /// Parses and checks a header: a known content type and a length within the limit for its kind
    /// (application_data records may be protected, so they get the ciphertext limit).
    public init(bytes b: some RandomAccessCollection<UInt8>) throws(RecordError) {
        guard b.count >= Self.size else { throw .decodeError("record header needs 5 bytes, got \(b.count)") }
        let i = b.startIndex
        let rawType = b[i]
        guard let type = ContentType(rawValue: rawType) else {
            throw .unexpectedMessage("unknown record content type \(rawType)")
        }
        contentType = type
        legacyVersion = UInt16(b[b.index(i, offsetBy: 1)]) << 8 | UInt16(b[b.index(i, offsetBy: 2)])
        length = Int(b[b.index(i, offsetBy: 3)]) << 8 | Int(b[b.index(i, offsetBy: 4)])
        let maximum = type == .applicationData ? Self.maximumCiphertext : Self.maximumPlaintext
        guard length <= maximum else { throw .recordOverflow(length: length, maximum: maximum) }
        if length == 0, type != .applicationData {
            throw .unexpectedMessage("empty \(type) record")
        }
    }

    public var bytes: [UInt8] {
        [contentType.rawValue, UInt8(legacyVersion >> 8), UInt8(truncatingIfNeeded: legacyVersion),
         UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)]
    }
}
