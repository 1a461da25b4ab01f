/// Protects or unprotects TLS 1.3 records in one direction (RFC 8446 §5.2–5.3): per-record nonce from the
/// static IV and the 64-bit sequence number, the header as additional data, TLSInnerPlaintext with its
/// real content type and optional zero padding, and the size limits. One value per direction and key;
/// a key update replaces it.
public struct RecordProtection: Sendable, RedactedDescription {
    public let suite: CipherSuite
    private let aead: any AEAD
    private let iv: [UInt8]
    /// Records processed so far under this key (the next record's sequence number).
    public private(set) var sequenceNumber: UInt64 = 0

    /// Keys derived from a traffic secret (`[sender]_handshake/application_traffic_secret`).
    public init(suite: CipherSuite, trafficSecret: [UInt8]) throws(CryptoError) {
        let (key, iv) = try suite.trafficKeys(secret: trafficSecret)
        try self.init(suite: suite, key: key, iv: iv)
    }

    public init(suite: CipherSuite, key: [UInt8], iv: [UInt8]) throws(CryptoError) {
        guard iv.count == 12 else { throw .invalidLength(what: "record IV", expected: 12, actual: iv.count) }
        self.suite = suite
        self.aead = try suite.makeAEAD(key: key)
        self.iv = iv
    }

    /// The per-record nonce: the IV XOR the sequence number, left-padded to 12 bytes (§5.3).
    private func nonce() -> [UInt8] {
        var n = iv
        for i in 0..<8 { n[4 + i] ^= UInt8(truncatingIfNeeded: sequenceNumber >> (56 - 8 * UInt64(i))) }
        return n
    }

    /// Encrypts `content` of type `type` into a complete record (header included), with `padding` zero
    /// bytes hidden inside. `content.count + padding` must not exceed 2^14.
    public mutating func protect(_ content: [UInt8], type: ContentType, padding: Int = 0) throws(RecordError) -> [UInt8] {
        guard padding >= 0 else { throw .invalidArgument("negative record padding") }
        guard content.count <= RecordHeader.maximumPlaintext, padding <= RecordHeader.maximumPlaintext - content.count else {
            let total = content.count.addingReportingOverflow(padding)
            throw .recordOverflow(length: total.overflow ? Int.max : total.partialValue, maximum: RecordHeader.maximumPlaintext)
        }
        guard sequenceNumber < UInt64.max else { throw .sequenceNumberExhausted }
        var inner = content
        inner.reserveCapacity(content.count + 1 + padding)
        inner.append(type.rawValue)
        inner.append(contentsOf: repeatElement(0, count: padding))
        let header = RecordHeader(contentType: .applicationData, length: inner.count + 16)
        let headerBytes = header.bytes
        let sealed: [UInt8]
        do {
            sealed = try aead.seal(inner, nonce: nonce(), authenticating: headerBytes)
        } catch {
            throw .invalidArgument("record encryption failed: \(error)")
        }
        sequenceNumber += 1
        return headerBytes + sealed
    }

    /// Decrypts a protected record and returns its real content type and content, padding removed.
    public mutating func unprotect(_ record: Record) throws(RecordError) -> (type: ContentType, content: [UInt8]) {
        guard record.header.contentType == .applicationData else {
            throw .unexpectedMessage("\(record.header.contentType) record where a protected record was expected")
        }
        guard record.payload.count == record.header.length else {
            throw .decodeError("record payload of \(record.payload.count) bytes, header says \(record.header.length)")
        }
        guard record.payload.count <= RecordHeader.maximumCiphertext else {
            throw .recordOverflow(length: record.payload.count, maximum: RecordHeader.maximumCiphertext)
        }
        // Shorter than a tag plus the content-type byte cannot be a TLSCiphertext.
        guard record.payload.count >= 17 else { throw .badRecordMAC }
        guard sequenceNumber < UInt64.max else { throw .sequenceNumberExhausted }
        let plain: [UInt8]
        do {
            plain = try aead.open(record.payload, nonce: nonce(), authenticating: record.header.bytes)
        } catch {
            throw .badRecordMAC
        }
        sequenceNumber += 1
        guard plain.count <= RecordHeader.maximumPlaintext + 1 else {
            throw .recordOverflow(length: plain.count, maximum: RecordHeader.maximumPlaintext + 1)
        }
        var end = plain.count
        while end > 0, plain[end - 1] == 0 { end -= 1 }
        guard end > 0 else { throw .unexpectedMessage("protected record has no non-zero content type") }
        guard let type = ContentType(rawValue: plain[end - 1]) else {
            throw .unexpectedMessage("unknown inner content type \(plain[end - 1])")
        }
        guard type != .changeCipherSpec else { throw .unexpectedMessage("change_cipher_spec inside a protected record") }
        if end == 1, type != .applicationData {
            throw .unexpectedMessage("empty \(type) content in a protected record")
        }
        return (type, Array(plain[0..<(end - 1)]))
    }
}
