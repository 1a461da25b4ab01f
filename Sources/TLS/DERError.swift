/// A DER decoding failure, with the byte offset where it was found (X.690 §8, §10: definite, minimal
/// encodings only).
public struct DERError: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let reason: String

    public init(offset: Int, _ reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "DER error at byte \(offset): \(reason)" }
}
