/// One TLV found by `DERReader`: its tag, where its encoding starts, and the range of its content in the
/// reader's bytes (so signed structures like tbsCertificate can be hashed as received).
public struct DERElement: Equatable, Sendable {
    public let tag: DERTag
    /// Offset of the identifier octet.
    public let start: Int
    /// Content octets (without tag and length).
    public let content: Range<Int>

    /// The whole encoding, tag and length included.
    public var encoding: Range<Int> { start..<content.upperBound }
}
