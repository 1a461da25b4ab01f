import Foundation

/// The local host as a source (`host://`), read from /proc and /sys.
public struct HostSource: PollSource {
    public let collector: HostCollector

    public init(collector: HostCollector = HostCollector()) { self.collector = collector }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        PollPayload(body: collector.collect())
    }
}
