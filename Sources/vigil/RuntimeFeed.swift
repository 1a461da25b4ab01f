import Recording

/// Where a runtime's samples come from: its sources (`poll`), its sources with every ingested
/// sample also written to a recording (`record`), or a recording instead of sources (`replay`).
enum RuntimeFeed: Sendable {
    case poll
    /// The writer outlives a config reload; each runtime taps it with a session of its own.
    case record(RecordWriter)
    case replay(ReplayDriver)
}

extension RuntimeFeed {
    /// False for a replay, which has no sources of its own.
    var polls: Bool {
        if case .replay = self { return false }
        return true
    }

    /// Closes a recording at the end of a run; returns why recording stopped early, if it did.
    @discardableResult
    func close() -> String? {
        guard case .record(let writer) = self else { return nil }
        writer.close()
        return writer.failure.map { "vigil: recording stopped: \($0)" }
    }
}
