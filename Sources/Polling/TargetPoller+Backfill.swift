import Foundation
import Scrape
import TimeSeries

/// History for a target whose source can supply it (`BackfillingSource`), written to the store
/// before the first poll with the same target labels a poll would add.
extension TargetPoller {
    public struct BackfillOutcome: Sendable {
        public var series = 0
        public var samples = 0
        public var rejected = 0
        public var error: String?
    }

    /// Whether the target's source back-fills.
    public var canBackfill: Bool { target.source is any BackfillingSource }

    /// Back-fills `[now - window, now]` (the window defaults to the store's retention); nil when the
    /// source cannot.
    public func backfill(window: Int64? = nil, deadline: ContinuousClock.Instant) async -> BackfillOutcome? {
        guard let source = target.source as? any BackfillingSource else { return nil }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let from = now - max(0, window ?? store.options.retention)
        var outcome = BackfillOutcome()
        let history: [BackfillSeries]
        do {
            history = try await Deadline.run(until: deadline) { try await source.backfill(from: from, to: now, deadline: deadline) }
        } catch is Deadline.TimedOut {
            outcome.error = "back-fill: context deadline exceeded"
            return outcome
        } catch {
            outcome.error = "back-fill: \(error)"
            return outcome
        }
        let labels = TargetLabels(target.labels, honorLabels: target.honorLabels)
        var appender = store.appender()
        for series in history {
            let ref = store.getOrCreate(labels.apply(to: series.labels.pairs))
            for s in series.samples where s.t >= from && s.t <= now {
                if StaleNaN.isStale(s.v) { appender.markStale(ref, s.t) } else { appender.append(ref, s.t, s.v) }
                outcome.samples += 1
            }
            outcome.series += 1
        }
        outcome.rejected = appender.commit().rejected
        return outcome
    }
}
