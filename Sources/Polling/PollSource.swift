import Exposition

/// Something Vigil can poll once: a metrics endpoint, a broker, a command, the local host.
///
/// Every source hands back an exposition, so one ingest path (scrape cache, target labels,
/// staleness) serves them all.
public protocol PollSource: Sendable {
    /// Polls once; must give up by `deadline` (the scheduler also enforces it).
    func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload
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
