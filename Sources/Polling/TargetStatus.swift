/// The health of one target as the UI and `vigil poll` show it.
public struct TargetStatus: Sendable, Equatable {
    public var job: String
    public var instance: String
    public var up: Bool?
    /// Unix milliseconds of the latest poll's start, nil before the first.
    public var lastPoll: Int64?
    public var lastDuration: Double = 0
    public var lastError: String?
    public var samples = 0
    public var seriesAdded = 0
    public var polls = 0
    public var failures = 0
    /// Polls that started later than a quarter interval after their tick, or were skipped.
    public var latePolls = 0

    public init(job: String, instance: String) {
        self.job = job
        self.instance = instance
    }
}
