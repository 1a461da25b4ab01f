import Recording

/// Where a runtime's samples come from: its sources (`poll`), its sources with every ingested
/// sample also written to a recording (`record`), or a recording instead of sources (`replay`).
enum RuntimeFeed: Sendable {
    case poll
    /// The writer outlives a config reload; each runtime taps it with a session of its own.
    case record(RecordWriter)
    case replay(ReplayDriver)
}
