/// ChaCha20-Poly1305 AEAD (RFC 8439 §2.8), the cipher of TLS_CHACHA20_POLY1305_SHA256.
public struct ChaChaPoly: AEAD, RedactedDescription {
    public static let keySize = 32
    public static let nonceSize = 12
    public static let tagSize = 16

    private let key: [UInt8]

    public init(key: [UInt8]) throws(CryptoError) {
        guard key.count == 32 else { throw .invalidLength(what: "ChaCha20-Poly1305 key", expected: 32, actual: key.count) }
        self.key = key
    }

    public func seal(_ plaintext: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        let cipher = try ChaCha20(key: key, nonce: nonce)
        let maximum = ChaCha20.maximumLength(startingAt: 1)
        guard plaintext.count <= maximum else { throw .messageTooLong(length: plaintext.count, maximum: maximum) }
        var out = [UInt8](repeating: 0, count: plaintext.count + Self.tagSize)
        if !plaintext.isEmpty {
            plaintext.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { output in
                    cipher.apply(counter: 1, input: input.baseAddress!, output: output.baseAddress!, count: plaintext.count)
                }
            }
        }
        let tag = try Self.tag(cipher: cipher, aad: aad, ciphertext: out, count: plaintext.count)
        out.replaceSubrange(plaintext.count..., with: tag)
        return out
    }

    public func open(_ sealed: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8] {
        let cipher = try ChaCha20(key: key, nonce: nonce)
        guard sealed.count >= Self.tagSize else {
            throw .invalidLength(what: "ChaCha20-Poly1305 sealed box", expected: Self.tagSize, actual: sealed.count)
        }
        let count = sealed.count - Self.tagSize
        let expected = try Self.tag(cipher: cipher, aad: aad, ciphertext: sealed, count: count)
        guard constantTimeEqual(expected, sealed[count...]) else { throw .authenticationFailure }
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 {
            sealed.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { output in
                    cipher.apply(counter: 1, input: input.baseAddress!, output: output.baseAddress!, count: count)
                }
            }
        }
        return out
    }

    /// Poly1305 over aad ‖ pad16 ‖ ciphertext[0..<count] ‖ pad16 ‖ le64(|aad|) ‖ le64(count), keyed by block 0.
    private static func tag(cipher: ChaCha20, aad: [UInt8], ciphertext: [UInt8], count: Int) throws(CryptoError) -> [UInt8] {
        let oneTimeKey = Array(cipher.block(counter: 0)[0..<32])
        var mac = try Poly1305(key: oneTimeKey)
        mac.update(aad)
        mac.padToBlock()
        ciphertext.withUnsafeBytes { mac.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        mac.padToBlock()
        var lengths = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            lengths[i] = UInt8(truncatingIfNeeded: UInt64(aad.count) >> (8 * UInt64(i)))
            lengths[8 + i] = UInt8(truncatingIfNeeded: UInt64(count) >> (8 * UInt64(i)))
        }
        mac.update(lengths)
        return mac.finalize()
    }
}
