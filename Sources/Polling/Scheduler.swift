import Foundation
import Scrape
import Synchronization
import TimeSeries

/// Polls every target on its own interval and writes what it gets into the store.
///
/// Each target runs in its own task: start offsets are spread over the interval (by a hash of
/// the target's labels, as Prometheus spreads them), a limiter caps concurrent polls, and a poll
/// never outlives its timeout, so a slow or hanging target delays nobody else. Failures back off
/// (1, 2, 4, then at most 8 intervals, never more than a minute apart) and never poll faster than
/// the interval.
public final class Scheduler: Sendable {
    private struct State {
        var tasks: [String: Task<Void, Never>] = [:]
        var statuses: [String: TargetStatus] = [:]
        var order: [String] = []
    }

    public let store: SeriesStore
    private let limiter: ConcurrencyLimiter
    private let state = Mutex(State())
    /// Every target's ticks are `epoch + offset + k × interval`, so targets whose offsets share a
    /// slot share their wake-ups.
    private let epoch = ContinuousClock.now

    public init(store: SeriesStore, maxConcurrentPolls: Int = 64) {
        self.store = store
        self.limiter = ConcurrencyLimiter(limit: maxConcurrentPolls)
    }

    /// Starts polling `targets`, replacing the current set: targets no longer listed stop (and
    /// their series are stale-marked), targets already running keep their schedule.
    public func run(_ targets: [PollTarget]) {
        let keys = Set(targets.map(\.key))
        let removed: [Task<Void, Never>] = state.withLock { s in
            let gone = s.tasks.filter { !keys.contains($0.key) }
            for k in gone.keys {
                s.tasks[k] = nil
                s.statuses[k] = nil
            }
            s.order = targets.map(\.key)
            return Array(gone.values)
        }
        for t in removed { t.cancel() }
        for target in targets {
            let key = target.key
            let exists = state.withLock { $0.tasks[key] != nil }
            if exists { continue }
            let status = TargetStatus(job: target.job, instance: target.instance)
            let task = Task { [self] in await self.loop(target) }
            state.withLock {
                $0.statuses[key] = status
                $0.tasks[key] = task
            }
        }
    }

    /// Stops every target.
    public func stop() {
        let tasks = state.withLock { s -> [Task<Void, Never>] in
            defer { s.tasks = [:] }
            return Array(s.tasks.values)
        }
        for t in tasks { t.cancel() }
    }

    /// Every target's health, in config order.
    public func statuses() -> [TargetStatus] {
        state.withLock { s in s.order.compactMap { s.statuses[$0] } }
    }

    private func update(_ key: String, _ body: (inout TargetStatus) -> Void) {
        state.withLock { s in
            if var st = s.statuses[key] {
                body(&st)
                s.statuses[key] = st
            }
        }
    }

    /// A stable offset in `[0, interval)` for a target, so targets spread over the interval. Offsets
    /// fall on a grid of `slot(for:)`: targets in one slot wake up together, one timer firing for
    /// several polls instead of one each (at 200 targets a second, the wake-ups are a large part of
    /// the cost of polling).
    static func offset(for key: String, interval: Duration) -> Duration {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        let ns = interval.nanoseconds
        guard ns > 0 else { return .zero }
        let slot = slot(for: interval).nanoseconds
        return .nanoseconds(Int64(h % UInt64(ns / slot)) * slot)
    }

    /// The grid of start offsets: a twentieth of the interval, at most 50 ms, at least 1 ms.
    static func slot(for interval: Duration) -> Duration {
        let ns = interval.nanoseconds
        return .nanoseconds(max(min(ns / 20, 50_000_000), min(ns, 1_000_000)))
    }

    /// The first tick at or after `now` on the target's grid.
    static func firstTick(epoch: ContinuousClock.Instant, now: ContinuousClock.Instant, offset: Duration,
                          interval: Duration) -> ContinuousClock.Instant {
        let step = interval.nanoseconds
        guard step > 0 else { return now }
        let since = (now - epoch).nanoseconds - offset.nanoseconds
        let periods = since <= 0 ? 0 : (since + step - 1) / step
        return epoch + offset + .nanoseconds(periods * step)
    }

    private func loop(_ target: PollTarget) async {
        let clock = ContinuousClock()
        let key = target.key
        var poller = TargetPoller(target: target, store: store)
        // History first, for sources that have it (a Prometheus API); bounded like ten polls.
        if poller.canBackfill {
            await limiter.acquire()
            let filled = await poller.backfill(deadline: clock.now + max(target.timeout * 10, .seconds(30)))
            limiter.release()
            if let error = filled?.error { update(key) { $0.lastError = error } }
        }
        var next = Self.firstTick(epoch: epoch, now: clock.now, offset: Self.offset(for: key, interval: target.interval),
                                  interval: target.interval)
        var failuresInARow = 0
        while !Task.isCancelled {
            do { try await Task.sleep(until: next, clock: .continuous) } catch { break }
            let tick = next
            await limiter.acquire()
            let late = clock.now - tick > target.interval / 4
            let outcome = await poller.poll(deadline: clock.now + target.timeout)
            limiter.release()
            if Task.isCancelled { break }
            failuresInARow = outcome.up ? 0 : failuresInARow + 1
            update(key) { st in
                st.up = outcome.up
                st.lastPoll = outcome.timestamp
                st.lastDuration = outcome.duration
                st.lastError = outcome.error
                st.samples = outcome.report?.samplesScraped ?? 0
                st.seriesAdded = outcome.report?.seriesAdded ?? 0
                st.polls += 1
                if !outcome.up { st.failures += 1 }
                if late { st.latePolls += 1 }
            }
            // Next tick: the interval, times the back-off after repeated failures.
            let backoff = failuresInARow <= 1 ? 1 : min(1 << min(failuresInARow - 1, 3), 8)
            var wait = target.interval * backoff
            if backoff > 1 { wait = max(target.interval, min(wait, .seconds(60))) }
            next = tick + wait
            // Ticks missed while polling (a slow poll past its interval) are skipped, not queued.
            var skipped = 0
            while next < clock.now {
                next += target.interval
                skipped += 1
            }
            if skipped > 0 { update(key) { $0.latePolls += skipped } }
        }
        poller.retire(at: Int64(Date().timeIntervalSince1970 * 1000))
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let c = components
        return c.seconds * 1_000_000_000 + c.attoseconds / 1_000_000_000
    }

    var seconds: Double { Double(nanoseconds) / 1e9 }
}
