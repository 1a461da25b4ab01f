/// A rule group as the recording names it: enough for a replay to find the same group again.
public struct RecordedGroup: Hashable, Sendable {
    public var name: String
    /// The rule file it was loaded from.
    public var file: String
    /// Evaluation interval (ms).
    public var interval: Int64

    public init(name: String, file: String, interval: Int64) {
        self.name = name
        self.file = file
        self.interval = interval
    }
}
