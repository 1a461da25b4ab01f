import Exposition

/// Something Vigil can poll once: a metrics endpoint, a broker, a command, the local host.
///
/// Every source hands back an exposition, so one ingest path (scrape cache, target labels,
/// staleness) serves them all.
public protocol PollSource: Sendable {
    /// Polls once; must give up by `deadline` (the scheduler also enforces it).
    func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload

    /// True when `poll` always returns by its deadline on its own (every wait in it is bounded by
    /// the deadline, and it stops at cancellation), so the poller need not race it against a timer
    /// in tasks of their own, which costs a few thread wake-ups per poll.
    var keepsDeadline: Bool { get }
}

extension PollSource {
    public var keepsDeadline: Bool { false }
}

/// What a poll returned.
public struct PollPayload: Sendable {
    public var body: [UInt8]
    public var format: ExpositionFormat

    public init(body: [UInt8], format: ExpositionFormat = .prometheusText) {
        self.body = body
        self.format = format
    }
}

/// A poll that failed, with the text shown in the UI and `vigil poll`.
public struct PollError: Error, Sendable, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
