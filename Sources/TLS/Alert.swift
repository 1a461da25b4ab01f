/// A TLS alert message (RFC 8446 §6): two bytes, level and description.
public struct Alert: Equatable, Sendable, CustomStringConvertible {
    public var level: AlertLevel
    public var alertDescription: AlertDescription

    public init(level: AlertLevel, description: AlertDescription) {
        self.level = level
        self.alertDescription = description
    }

    /// Parses the content of an alert record; anything but exactly two well-formed bytes is a decode_error.
    public init(bytes: [UInt8]) throws(RecordError) {
        guard bytes.count == 2 else { throw .decodeError("alert record of \(bytes.count) bytes, expected 2") }
        guard let level = AlertLevel(rawValue: bytes[0]) else {
            throw .decodeError("alert level \(bytes[0]) is neither warning (1) nor fatal (2)")
        }
        self.level = level
        self.alertDescription = AlertDescription(rawValue: bytes[1])
    }

    public var bytes: [UInt8] { [level.rawValue, alertDescription.rawValue] }

    /// close_notify and user_canceled end the connection cleanly; every other alert is an error (§6.2).
    public var isClosure: Bool { alertDescription == .closeNotify || alertDescription == .userCanceled }

    public var description: String { "\(level == .fatal ? "fatal" : "warning") alert \(alertDescription)" }
}
