/// An alert code (RFC 8446 §6). A struct, not an enum, so a peer's unknown code is kept and reported
/// rather than turned into a parse failure.
public struct AlertDescription: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let closeNotify = Self(rawValue: 0)
    public static let unexpectedMessage = Self(rawValue: 10)
    public static let badRecordMAC = Self(rawValue: 20)
    public static let recordOverflow = Self(rawValue: 22)
    public static let handshakeFailure = Self(rawValue: 40)
    public static let badCertificate = Self(rawValue: 42)
    public static let unsupportedCertificate = Self(rawValue: 43)
    public static let certificateRevoked = Self(rawValue: 44)
    public static let certificateExpired = Self(rawValue: 45)
    public static let certificateUnknown = Self(rawValue: 46)
    public static let illegalParameter = Self(rawValue: 47)
    public static let unknownCA = Self(rawValue: 48)
    public static let accessDenied = Self(rawValue: 49)
    public static let decodeError = Self(rawValue: 50)
    public static let decryptError = Self(rawValue: 51)
    public static let protocolVersion = Self(rawValue: 70)
    public static let insufficientSecurity = Self(rawValue: 71)
    public static let internalError = Self(rawValue: 80)
    public static let inappropriateFallback = Self(rawValue: 86)
    public static let userCanceled = Self(rawValue: 90)
    public static let missingExtension = Self(rawValue: 109)
    public static let unsupportedExtension = Self(rawValue: 110)
    public static let unrecognizedName = Self(rawValue: 112)
    public static let badCertificateStatusResponse = Self(rawValue: 113)
    public static let unknownPSKIdentity = Self(rawValue: 115)
    public static let certificateRequired = Self(rawValue: 116)
    public static let noApplicationProtocol = Self(rawValue: 120)

    private static let names: [UInt8: String] = [
        0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 22: "record_overflow",
        40: "handshake_failure", 42: "bad_certificate", 43: "unsupported_certificate", 44: "certificate_revoked",
        45: "certificate_expired", 46: "certificate_unknown", 47: "illegal_parameter", 48: "unknown_ca",
        49: "access_denied", 50: "decode_error", 51: "decrypt_error", 70: "protocol_version",
        71: "insufficient_security", 80: "internal_error", 86: "inappropriate_fallback", 90: "user_canceled",
        109: "missing_extension", 110: "unsupported_extension", 112: "unrecognized_name",
        113: "bad_certificate_status_response", 115: "unknown_psk_identity", 116: "certificate_required",
        120: "no_application_protocol",
    ]

    public var description: String { Self.names[rawValue] ?? "alert(\(rawValue))" }
}
