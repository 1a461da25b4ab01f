import Foundation
import Scrape
import TimeSeries

/// One target's poll-and-ingest step, shared by the scheduler's loop and `vigil poll`.
///
/// Owns the target's scrape cache. Sample timestamps are the poll's start time, aligned to the
/// previous one plus the interval when within Prometheus's tolerance (at most 2 ms and 1% of the
/// interval), which keeps timestamps regular and compression good, as Prometheus does.
public struct TargetPoller: Sendable {
    public struct Outcome: Sendable {
        public var up: Bool
        public var timestamp: Int64
        public var duration: Double
        public var report: ScrapeReport?
        public var error: String?
    }

    public let target: PollTarget
    private var ingester: ScrapeIngester
    private let synthetic: SyntheticSeries
    private var lastTimestamp: Int64?
    let store: SeriesStore

    public init(target: PollTarget, store: SeriesStore) {
        self.target = target
        self.store = store
        ingester = ScrapeIngester(
            store: store, target: TargetLabels(target.labels, honorLabels: target.honorLabels),
            sampleLimit: target.sampleLimit)
        synthetic = SyntheticSeries(store: store, labels: target.labels)
    }

    public mutating func poll(deadline: ContinuousClock.Instant) async -> Outcome {
        let start = ContinuousClock.now
        let ts = alignedTimestamp(Int64(Date().timeIntervalSince1970 * 1000))
        var outcome = Outcome(up: false, timestamp: ts, duration: 0)
        let source = target.source
        do {
            let payload = source.keepsDeadline
                ? try await source.poll(deadline: deadline)
                : try await Deadline.run(until: deadline) { try await source.poll(deadline: deadline) }
            outcome.report = try ingester.ingest(payload.body, format: payload.format, at: ts)
            outcome.up = true
        } catch is Deadline.TimedOut {
            outcome.error = "context deadline exceeded (timeout \(Self.format(target.timeout)))"
        } catch {
            outcome.error = "\(error)"
        }
        outcome.duration = (ContinuousClock.now - start).seconds
        if !outcome.up {
            ingester.markDown(at: ts)
            outcome.report = nil
        }
        var appender = store.appender()
        synthetic.record(&appender, at: ts, up: outcome.up, duration: outcome.duration, report: outcome.report)
        _ = appender.commit()
        return outcome
    }

    /// The target went away: its series get stale markers.
    public mutating func retire(at t: Int64) {
        ingester.markDown(at: t)
        var appender = store.appender()
        synthetic.markStale(&appender, at: t)
        _ = appender.commit()
    }

    private mutating func alignedTimestamp(_ now: Int64) -> Int64 {
        let intervalMs = target.interval.nanoseconds / 1_000_000
        let tolerance = min(2, intervalMs / 100)
        var result = now
        if let last = lastTimestamp, intervalMs > 0 {
            var aligned = last + intervalMs
            while now - aligned >= intervalMs { aligned += intervalMs }
            if abs(now - aligned) <= tolerance { result = aligned }
        }
        lastTimestamp = result
        return result
    }

    static func format(_ d: Duration) -> String {
        let s = d.seconds
        return s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}
