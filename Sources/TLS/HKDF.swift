/// HKDF (RFC 5869): extract-then-expand key derivation, the core of the TLS 1.3 key schedule
/// (see `HKDF+TLS13.swift` for HKDF-Expand-Label and Derive-Secret).
public enum HKDF<H: HashFunction> {
    /// HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM). An empty salt means HashLen zero bytes (RFC 5869 §2.2).
    public static func extract<Salt: Collection<UInt8>, IKM: Collection<UInt8>>(salt: Salt, ikm: IKM) -> [UInt8] {
        if salt.isEmpty {
            return HMAC<H>.authenticationCode(for: ikm, key: [UInt8](repeating: 0, count: H.digestSize))
        }
        return HMAC<H>.authenticationCode(for: ikm, key: salt)
    }

    /// HKDF-Expand(PRK, info, L). Throws when `length` exceeds 255 × HashLen.
    public static func expand<PRK: Collection<UInt8>, Info: Collection<UInt8>>(
        prk: PRK, info: Info, length: Int
    ) throws(CryptoError) -> [UInt8] {
        let maximum = 255 * H.digestSize
        guard length >= 0, length <= maximum else { throw .outputTooLong(requested: length, maximum: maximum) }
        let keyed = HMAC<H>(key: prk)
        var output: [UInt8] = []
        output.reserveCapacity(length + H.digestSize)
        var previous: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < length {
            var mac = keyed
            mac.update(previous)
            mac.update(info)
            mac.update(CollectionOfOne(counter))
            previous = mac.finalize()
            output.append(contentsOf: previous)
            counter &+= 1
        }
        output.removeLast(output.count - length)
        return output
    }
}
