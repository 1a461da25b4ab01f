/// An authenticated cipher with associated data as TLS 1.3 uses it (RFC 5116 interface, 12-byte nonces,
/// 16-byte tags appended to the ciphertext), so the record layer is written once for all three suites.
/// Key sizes differ per algorithm (AES-128/256), so `init(key:)` checks them.
public protocol AEAD: Sendable {
    static var nonceSize: Int { get }
    static var tagSize: Int { get }
    init(key: [UInt8]) throws(CryptoError)
    /// Returns ciphertext ‖ tag.
    func seal(_ plaintext: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8]
    /// Verifies the tag (in constant time) and returns the plaintext, or throws `authenticationFailure`.
    func open(_ sealed: [UInt8], nonce: [UInt8], authenticating aad: [UInt8]) throws(CryptoError) -> [UInt8]
}

/// Compares two equal-length byte arrays without an early exit, so timing does not reveal where a
/// forged tag first differs.
func constantTimeEqual(_ a: [UInt8], _ b: ArraySlice<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var diff: UInt8 = 0
    var j = b.startIndex
    for i in 0..<a.count {
        diff |= a[i] ^ b[j]
        j += 1
    }
    return diff == 0
}
