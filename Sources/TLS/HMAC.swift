/// HMAC (RFC 2104) over any `HashFunction`: the PRF under HKDF and the TLS 1.3 Finished MAC.
public struct HMAC<H: HashFunction>: Sendable, RedactedDescription {
    private var inner: H
    private var outer: H

    /// Starts a MAC with `key`; keys longer than the hash block are hashed first (RFC 2104 §2).
    public init<Key: Collection<UInt8>>(key: Key) {
        var block = key.count > H.blockSize ? H.hash(key) : Array(key)
        block.append(contentsOf: repeatElement(0, count: H.blockSize - block.count))
        var ipad = block, opad = block
        for i in 0..<H.blockSize {
            ipad[i] ^= 0x36
            opad[i] ^= 0x5c
        }
        inner = H()
        inner.update(ipad)
        outer = H()
        outer.update(opad)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bytes) }

    public mutating func update<Bytes: Collection<UInt8>>(_ bytes: Bytes) { inner.update(bytes) }

    /// Returns the full-length tag.
    public mutating func finalize() -> [UInt8] {
        let innerDigest = inner.finalize()
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// One-shot MAC of `message` under `key`.
    public static func authenticationCode<Key: Collection<UInt8>, Message: Collection<UInt8>>(
        for message: Message, key: Key
    ) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }
}
