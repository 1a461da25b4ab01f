/// Where one alert instance is in Prometheus's lifecycle: inactive (resolved), pending (the
/// condition holds but not yet for `for`), firing.
public enum AlertState: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case inactive = 1
    case pending = 2
    case firing = 3

    public static func < (a: AlertState, b: AlertState) -> Bool { a.rawValue < b.rawValue }

    /// The `alertstate` label value Prometheus writes.
    public var description: String {
        switch self {
        case .inactive: return "inactive"
        case .pending: return "pending"
        case .firing: return "firing"
        }
    }
}
