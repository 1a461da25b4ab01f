import TimeSeries

/// An alert instance's new state after an evaluation (`inactive` once it resolved).
public struct RecordedAlert: Hashable, Sendable {
    public enum State: UInt8, Sendable, CustomStringConvertible {
        case inactive = 0, pending = 1, firing = 2

        public var description: String {
            switch self {
            case .inactive: return "resolved"
            case .pending: return "pending"
            case .firing: return "firing"
            }
        }
    }

    public var labels: Labels
    public var state: State

    public init(labels: Labels, state: State) {
        self.labels = labels
        self.state = state
    }
}
