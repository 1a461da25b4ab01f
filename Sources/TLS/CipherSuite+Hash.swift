extension CipherSuite {
    /// The suite's hash of `bytes` (SHA-256 or SHA-384).
    public func hash(_ bytes: [UInt8]) -> [UInt8] {
        self == .aes256GCMSHA384 ? SHA384.hash(bytes) : SHA256.hash(bytes)
    }

    /// HKDF-Extract with the suite's hash.
    public func extract(salt: [UInt8], ikm: [UInt8]) -> [UInt8] {
        self == .aes256GCMSHA384 ? HKDF<SHA384>.extract(salt: salt, ikm: ikm) : HKDF<SHA256>.extract(salt: salt, ikm: ikm)
    }

    /// HMAC with the suite's hash.
    public func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        self == .aes256GCMSHA384
            ? HMAC<SHA384>.authenticationCode(for: message, key: key)
            : HMAC<SHA256>.authenticationCode(for: message, key: key)
    }
}
