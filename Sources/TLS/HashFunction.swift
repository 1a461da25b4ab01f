/// A streaming cryptographic hash, so HMAC, HKDF and the TLS 1.3 key schedule can be written once for
/// SHA-256 (TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256) and SHA-384 (TLS_AES_256_GCM_SHA384).
public protocol HashFunction: Sendable {
    /// Output length in bytes.
    static var digestSize: Int { get }
    /// Internal block length in bytes (HMAC pads keys to this).
    static var blockSize: Int { get }
    init()
    /// Feeds more message bytes; may be called any number of times.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// Pads, processes the final block(s) and returns the digest. The value should not be updated afterwards.
    mutating func finalize() -> [UInt8]
}

extension HashFunction {
    /// Feeds the bytes of an array (or any contiguous collection).
    @inlinable
    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// One-shot digest of `bytes`.
    @inlinable
    public static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var h = Self()
        h.update(bytes)
        return h.finalize()
    }
}
