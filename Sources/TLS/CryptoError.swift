/// Errors from the TLS module's primitives: every malformed input or failed check is reported, never trapped.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key, nonce, tag or other fixed-size parameter had the wrong length.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// HKDF-Expand was asked for more than 255 × hash-length bytes.
    case outputTooLong(requested: Int, maximum: Int)
    /// An AEAD tag did not match: the ciphertext or associated data was altered, or the key is wrong.
    case authenticationFailure
    /// An X25519 exchange produced the all-zero shared secret (the peer sent a small-order point).
    case weakPublicKey
    /// A public key is malformed or not a valid point.
    case invalidPublicKey(String)
    /// A signature's encoding is malformed (DER structure, lengths).
    case invalidSignatureEncoding(String)
    /// A message is longer than the primitive allows (e.g. more than 2^32 − 2 GCM blocks).
    case messageTooLong(length: Int, maximum: Int)

    public var description: String {
        switch self {
        case let .invalidLength(what, expected, actual):
            return "\(what) must be \(expected) bytes, got \(actual)"
        case let .outputTooLong(requested, maximum):
            return "HKDF output of \(requested) bytes exceeds the maximum of \(maximum)"
        case .authenticationFailure:
            return "authentication tag mismatch"
        case .weakPublicKey:
            return "peer public key yields an all-zero shared secret"
        case let .invalidPublicKey(reason):
            return "invalid public key: \(reason)"
        case let .invalidSignatureEncoding(reason):
            return "invalid signature encoding: \(reason)"
        case let .messageTooLong(length, maximum):
            return "message of \(length) bytes exceeds the maximum of \(maximum)"
        }
    }
}
