/// SHA-384 (FIPS 180-4 §6.5): SHA-512 with its own initial value, truncated to 48 bytes. The hash of
/// TLS_AES_256_GCM_SHA384.
public struct SHA384: HashFunction {
    public static let digestSize = 48
    public static let blockSize = 128

    private var core = SHA512(initialValue: [
        0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
        0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
    ])

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) { core.update(bytes) }

    public mutating func finalize() -> [UInt8] { core.finalizeWords(outputBytes: 48) }
}
