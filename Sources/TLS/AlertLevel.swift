/// Alert severity (RFC 8446 §6). In TLS 1.3 every alert but close_notify and user_canceled is fatal,
/// whatever level it carries.
public enum AlertLevel: UInt8, Sendable {
    case warning = 1
    case fatal = 2
}
