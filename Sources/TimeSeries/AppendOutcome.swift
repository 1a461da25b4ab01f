/// What happened to one appended sample; mirrors the reasons Prometheus's head appender gives.
public enum AppendOutcome: Hashable, Sendable {
    case appended
    /// Same timestamp and bit-identical value as the last sample: accepted as a no-op.
    case duplicate
    /// Timestamp older than the series' last sample ("out of order sample").
    case outOfOrder
    /// Same timestamp as the last sample with a different value ("duplicate sample for timestamp").
    case duplicateTimestamp
    /// The ref does not name a live series (never created, or removed by retention).
    case unknownSeries
    /// A memory limit is set and nothing old enough was left to evict to make room.
    case overMemoryLimit

    /// True when the store now holds the sample (including the identical-duplicate no-op).
    public var isAccepted: Bool { self == .appended || self == .duplicate }
}
