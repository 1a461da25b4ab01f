extension HKDF {
    /// HKDF-Expand-Label (RFC 8446 §7.1): expands `secret` with the HkdfLabel structure
    /// `uint16 length || opaque label<7..255> = "tls13 " + label || opaque context<0..255>`.
    public static func expandLabel<Secret: Collection<UInt8>, Context: Collection<UInt8>>(
        secret: Secret, label: String, context: Context, length: Int
    ) throws(CryptoError) -> [UInt8] {
        let fullLabel = Array("tls13 ".utf8) + Array(label.utf8)
        guard length >= 0, length <= 0xffff else { throw .outputTooLong(requested: length, maximum: 0xffff) }
        guard fullLabel.count <= 255 else {
            throw .invalidLength(what: "HKDF label", expected: 255, actual: fullLabel.count)
        }
        guard context.count <= 255 else {
            throw .invalidLength(what: "HKDF label context", expected: 255, actual: context.count)
        }
        var info: [UInt8] = []
        info.reserveCapacity(4 + fullLabel.count + context.count)
        info.append(UInt8(truncatingIfNeeded: length >> 8))
        info.append(UInt8(truncatingIfNeeded: length))
        info.append(UInt8(fullLabel.count))
        info.append(contentsOf: fullLabel)
        info.append(UInt8(context.count))
        info.append(contentsOf: context)
        return try expand(prk: secret, info: info, length: length)
    }

    /// Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length),
    /// given the transcript hash already computed.
    public static func deriveSecret<Secret: Collection<UInt8>, Digest: Collection<UInt8>>(
        secret: Secret, label: String, transcriptHash: Digest
    ) throws(CryptoError) -> [UInt8] {
        try expandLabel(secret: secret, label: label, context: transcriptHash, length: H.digestSize)
    }
}
