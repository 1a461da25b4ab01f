/// An ASN.1 identifier octet (X.690 §8.1.2), limited to single-byte tag numbers (< 31), which is all
/// X.509 and the TLS structures use.
public struct DERTag: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let boolean = Self(rawValue: 0x01)
    public static let integer = Self(rawValue: 0x02)
    public static let bitString = Self(rawValue: 0x03)
    public static let octetString = Self(rawValue: 0x04)
    public static let null = Self(rawValue: 0x05)
    public static let objectIdentifier = Self(rawValue: 0x06)
    public static let utf8String = Self(rawValue: 0x0c)
    public static let printableString = Self(rawValue: 0x13)
    public static let ia5String = Self(rawValue: 0x16)
    public static let utcTime = Self(rawValue: 0x17)
    public static let generalizedTime = Self(rawValue: 0x18)
    public static let sequence = Self(rawValue: 0x30)
    public static let set = Self(rawValue: 0x31)

    /// `[n]` context-specific, constructed (EXPLICIT tagging, or IMPLICIT of a constructed type).
    public static func contextConstructed(_ n: UInt8) -> Self { Self(rawValue: 0xa0 | n) }
    /// `[n]` context-specific, primitive (IMPLICIT of a primitive type).
    public static func contextPrimitive(_ n: UInt8) -> Self { Self(rawValue: 0x80 | n) }

    public var isConstructed: Bool { rawValue & 0x20 != 0 }

    public var description: String { "tag 0x" + String(rawValue, radix: 16) }
}
