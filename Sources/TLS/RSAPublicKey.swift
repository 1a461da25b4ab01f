/// An RSA public key verifying PKCS #1 v1.5 and PSS signatures (RFC 8017 §8.2.2, §8.1.2): certificate
/// signatures (sha256WithRSAEncryption …) and TLS 1.3 CertificateVerify (rsa_pss_rsae_sha256 …).
/// Verification only. Bounded work on hostile keys: modulus 1024–8192 bits, exponent below 2^31
/// (as Go's crypto/rsa).
public struct RSAPublicKey: Sendable {
    public let modulusBits: Int
    private let field: MontgomeryField
    private let exponent: UInt64
    /// Modulus length in bytes (k in RFC 8017).
    private let byteCount: Int

    /// `modulus` and `exponent` are big-endian unsigned integers (as in the DER RSAPublicKey).
    public init(modulus: [UInt8], exponent: [UInt8]) throws(CryptoError) {
        let n = Array(modulus.drop(while: { $0 == 0 }))
        guard let top = n.first else { throw .invalidPublicKey("RSA modulus is zero") }
        let bits = 8 * n.count - top.leadingZeroBitCount
        guard bits >= 1024, bits <= 8192 else { throw .invalidPublicKey("RSA modulus of \(bits) bits is outside 1024…8192") }
        guard n[n.count - 1] & 1 == 1 else { throw .invalidPublicKey("RSA modulus is even") }
        let e = Array(exponent.drop(while: { $0 == 0 }))
        guard e.count <= 4 else { throw .invalidPublicKey("RSA public exponent is too large") }
        let eValue = e.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard eValue >= 3, eValue <= (1 << 31) - 1, eValue & 1 == 1 else {
            throw .invalidPublicKey("RSA public exponent \(eValue) is not an odd number in 3…2^31−1")
        }
        var limbs = [UInt64](repeating: 0, count: (n.count + 7) / 8)
        for (i, byte) in n.reversed().enumerated() { limbs[i / 8] |= UInt64(byte) << (8 * UInt64(i % 8)) }
        modulusBits = bits
        byteCount = n.count
        field = MontgomeryField(modulus: limbs)
        self.exponent = eValue
    }

    /// RSAVP1: s^e mod n as k big-endian bytes, or nil when the signature is not an integer below n
    /// of exactly k bytes.
    private func recoverMessage(_ signature: [UInt8]) -> [UInt8]? {
        guard signature.count == byteCount, let s = field.limbs(bigEndian: signature[...]), field.isReduced(s) else { return nil }
        let base = field.toMontgomery(s)
        var result = base
        let topBit = 63 - exponent.leadingZeroBitCount
        for bit in stride(from: topBit - 1, through: 0, by: -1) {
            result = field.square(result)
            if (exponent >> UInt64(bit)) & 1 == 1 { result = field.mul(result, base) }
        }
        let full = field.bigEndianBytes(field.fromMontgomery(result))
        return Array(full.suffix(byteCount))
    }

    /// RSASSA-PKCS1-v1_5 verification of `digest` (already hashed with `hash`).
    public func isValidPKCS1v15Signature(_ signature: [UInt8], digest: [UInt8], hash: RSASignatureHash) -> Bool {
        guard digest.count == hash.digestSize, let em = recoverMessage(signature) else { return false }
        let t = hash.digestInfoPrefix + digest
        guard byteCount >= t.count + 11 else { return false }
        var expected: [UInt8] = [0x00, 0x01]
        expected.append(contentsOf: repeatElement(0xff, count: byteCount - t.count - 3))
        expected.append(0x00)
        expected.append(contentsOf: t)
        return em == expected
    }

    /// RSASSA-PSS verification (EMSA-PSS-VERIFY with MGF1 of the same hash) of `digest`, with salt length
    /// `saltLength` (TLS 1.3 requires the digest length, the default).
    public func isValidPSSSignature(_ signature: [UInt8], digest: [UInt8], hash: RSASignatureHash, saltLength: Int? = nil) -> Bool {
        let hLen = hash.digestSize
        let sLen = saltLength ?? hLen
        guard digest.count == hLen, sLen >= 0, let decoded = recoverMessage(signature) else { return false }
        let emBits = modulusBits - 1
        let emLen = (emBits + 7) / 8
        // I2OSP(m, emLen): when emLen < k the extra leading byte must be zero.
        guard decoded.count - emLen <= 1, decoded.prefix(decoded.count - emLen).allSatisfy({ $0 == 0 }) else { return false }
        let em = Array(decoded.suffix(emLen))
        guard emLen >= hLen + sLen + 2, em[emLen - 1] == 0xbc else { return false }
        let maskedDB = em[0..<(emLen - hLen - 1)]
        let h = Array(em[(emLen - hLen - 1)..<(emLen - 1)])
        let unusedBits = 8 * emLen - emBits
        let topMask: UInt8 = unusedBits == 0 ? 0xff : 0xff >> UInt8(unusedBits)
        guard maskedDB[maskedDB.startIndex] & ~topMask == 0 else { return false }
        var db = Self.mgf1(seed: h, length: maskedDB.count, hash: hash)
        for (i, byte) in maskedDB.enumerated() { db[i] ^= byte }
        db[0] &= topMask
        let zeroCount = emLen - hLen - sLen - 2
        guard db[0..<zeroCount].allSatisfy({ $0 == 0 }), db[zeroCount] == 0x01 else { return false }
        let salt = db[(db.count - sLen)...]
        let mPrime = [UInt8](repeating: 0, count: 8) + digest + salt
        return hash.hash(mPrime) == h
    }

    /// MGF1 (RFC 8017 §B.2.1).
    static func mgf1(seed: [UInt8], length: Int, hash: RSASignatureHash) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(length + hash.digestSize)
        var counter: UInt32 = 0
        while out.count < length {
            let c = [UInt8(counter >> 24), UInt8(truncatingIfNeeded: counter >> 16), UInt8(truncatingIfNeeded: counter >> 8), UInt8(truncatingIfNeeded: counter)]
            out.append(contentsOf: hash.hash(seed + c))
            counter += 1
        }
        return Array(out.prefix(length))
    }
}
