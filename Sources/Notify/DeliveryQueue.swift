import Foundation

/// One notifier's pending alerts: batches in arrival order (each also a spool file), the resend
/// filter, backoff state and counters. The evaluator adds batches without waiting for anything
/// but this lock; the notifier's thread takes and completes them; the spool thread mirrors
/// them to disk.
///
/// `@unchecked Sendable`: every `var` below is read and written only while `condition` is
/// locked; the `let`s are Sendable.
final class DeliveryQueue: @unchecked Sendable {
    struct Entry {
        var seq: UInt64
        var alerts: [OutgoingAlert]
        var bytes: Int
        /// Bumped on every change; the spool file is current when `persisted == version`.
        var version: Int
        var persisted: Int
    }

    /// What the notifier's thread took: `(seq, count)` per batch, the alerts in order.
    struct Batch {
        var parts: [(seq: UInt64, count: Int)]
        var alerts: [OutgoingAlert]
    }

    /// Work for the spool thread.
    struct SpoolWork {
        var deletes: [UInt64] = []
        var writes: [(seq: UInt64, version: Int, alerts: [OutgoingAlert])] = []
        var isEmpty: Bool { deletes.isEmpty && writes.isEmpty }
    }

    let notifier: any Notifier
    let spool: SpoolFolder?
    let options: DispatcherOptions
    let condition = NSCondition()

    private var entries: [Entry] = []
    private var queuedAlerts = 0
    private var queuedBytes = 0
    private var filter: ResendFilter
    private var nextSeq: UInt64 = 1
    private var stopped = false
    /// Batches the notifier's thread is sending now: never dropped for room, so a delivery's
    /// result always finds them (the bound is exceeded by at most one batch meanwhile).
    private var inFlight: Set<UInt64> = []
    private var retryAt: ContinuousClock.Instant?
    private var pendingDeletes: [UInt64] = []
    /// The spool thread is working on this queue's files (taken work not yet done).
    private var spooling = false
    private var stats: NotifierStats

    static let problemsKept = 10

    init(notifier: any Notifier, spool: SpoolFolder?, options: DispatcherOptions) {
        self.notifier = notifier
        self.spool = spool
        self.options = options
        filter = ResendFilter(policy: notifier.policy)
        stats = NotifierStats(id: notifier.id, description: notifier.description)
        stats.capacity = options.queueCapacity
    }

    /// Reads what an earlier run left in the spool (before any thread starts).
    func restore() {
        guard let spool else { return }
        do throws(NotifyError) {
            try spool.create()
        } catch {
            condition.withLock { noteProblem(error.description) }
            return
        }
        let loaded = spool.load()
        condition.withLock {
            for p in loaded.problems { noteProblem(p) }
            for e in loaded.entries {
                let bytes = e.alerts.reduce(0) { $0 + $1.approximateSize }
                entries.append(Entry(seq: e.seq, alerts: e.alerts, bytes: bytes, version: 1, persisted: 1))
                queuedAlerts += e.alerts.count
                queuedBytes += bytes
                nextSeq = max(nextSeq, e.seq + 1)
            }
            makeRoom(forAlerts: 0, bytes: 0)
            updateQueueStats()
        }
    }

    /// Adds the alerts this notifier wants from one evaluation; returns true when something was
    /// queued (the spool thread then has work). Never blocks on I/O.
    func enqueue(_ alerts: [OutgoingAlert]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return false }
        var passed = filter.pass(alerts)
        guard !passed.isEmpty else { return false }
        if passed.count > options.queueCapacity {
            stats.dropped += passed.count - options.queueCapacity
            passed.removeFirst(passed.count - options.queueCapacity)
        }
        let bytes = passed.reduce(0) { $0 + $1.approximateSize }
        makeRoom(forAlerts: passed.count, bytes: bytes)
        entries.append(Entry(seq: nextSeq, alerts: passed, bytes: bytes, version: 1, persisted: 0))
        nextSeq += 1
        queuedAlerts += passed.count
        queuedBytes += bytes
        updateQueueStats()
        condition.broadcast()
        return true
    }

    /// Drops whole oldest batches (but not those being sent) until the new one fits both bounds.
    private func makeRoom(forAlerts count: Int, bytes: Int) {
        var i = 0
        while i < entries.count
            && (queuedAlerts + count > options.queueCapacity || queuedBytes + bytes > options.maxQueuedBytes) {
            if inFlight.contains(entries[i].seq) {
                i += 1
                continue
            }
            let e = entries.remove(at: i)
            queuedAlerts -= e.alerts.count
            queuedBytes -= e.bytes
            stats.dropped += e.alerts.count
            pendingDeletes.append(e.seq)
        }
    }

    /// Blocks the notifier's thread until a batch is due (queue not empty, backoff over);
    /// nil once stopped.
    func waitForBatch() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped { return nil }
            if entries.isEmpty {
                condition.wait()
                continue
            }
            if let at = retryAt {
                let left = at - ContinuousClock.now
                if left > .zero {
                    let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
                    _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
                    continue
                }
            }
            break
        }
        var batch = Batch(parts: [], alerts: [])
        let limit = notifier.policy.maxBatchSize
        for e in entries where batch.alerts.count < limit {
            let take = min(e.alerts.count, limit - batch.alerts.count)
            batch.parts.append((e.seq, take))
            batch.alerts.append(contentsOf: e.alerts.prefix(take))
        }
        inFlight = Set(batch.parts.map(\.seq))
        return batch
    }

    /// Records how a batch went: delivered alerts leave the queue, failures set the backoff.
    func complete(_ batch: Batch, _ outcome: DeliveryOutcome) {
        condition.lock()
        defer { condition.unlock() }
        inFlight = []
        let total = batch.alerts.count
        var done: Int
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        switch outcome {
        case .delivered:
            done = total
        case .partial(let n, _):
            done = max(0, min(n, total))
        case .retry:
            done = 0
        case .reject:
            done = total
        }
        switch outcome {
        case .delivered:
            stats.sent += total
            succeeded(now)
        case .partial(_, let error), .retry(let error):
            stats.sent += done
            stats.failed += total - done
            failed(error, now)
        case .reject(let error):
            stats.failed += total
            stats.dropped += total
            stats.lastError = error
            stats.lastErrorAt = now
            // The destination answered: no reason to wait before the next batch.
            stats.consecutiveFailures = 0
            retryAt = nil
        }
        for part in batch.parts where done > 0 {
            let n = min(part.count, done)
            done -= n
            // The batch may have been dropped meanwhile (queue bound).
            guard let i = entries.firstIndex(where: { $0.seq == part.seq }) else { continue }
            if n >= entries[i].alerts.count {
                let e = entries.remove(at: i)
                queuedAlerts -= e.alerts.count
                queuedBytes -= e.bytes
                pendingDeletes.append(e.seq)
            } else {
                let removed = entries[i].alerts.prefix(n).reduce(0) { $0 + $1.approximateSize }
                entries[i].alerts.removeFirst(n)
                entries[i].bytes -= removed
                entries[i].version += 1
                queuedAlerts -= n
                queuedBytes -= removed
            }
        }
        updateQueueStats()
        condition.broadcast()
    }

    private func succeeded(_ now: Int64) {
        stats.lastSuccessAt = now
        stats.consecutiveFailures = 0
        retryAt = nil
    }

    private func failed(_ error: String, _ now: Int64) {
        stats.lastError = error
        stats.lastErrorAt = now
        stats.consecutiveFailures += 1
        let jitter = Double.random(in: 0.8...1.2)
        retryAt = ContinuousClock.now + options.backoff(failures: stats.consecutiveFailures, jitter: jitter)
    }

    private func updateQueueStats() {
        stats.queued = queuedAlerts
        stats.queuedBatches = entries.count
    }

    private func noteProblem(_ p: String) {
        stats.spoolProblems.append(p)
        if stats.spoolProblems.count > Self.problemsKept { stats.spoolProblems.removeFirst() }
    }

    // MARK: spool thread

    /// What the spool must do now: files to delete, batches to (re)write.
    func takeSpoolWork() -> SpoolWork {
        guard spool != nil else { return SpoolWork() }
        condition.lock()
        defer { condition.unlock() }
        var work = SpoolWork()
        work.deletes = pendingDeletes
        pendingDeletes = []
        for e in entries where e.persisted != e.version {
            work.writes.append((e.seq, e.version, e.alerts))
        }
        if !work.isEmpty { spooling = true }
        return work
    }

    /// The spool thread is done with the work it took (files written and deleted).
    func spoolFinished() {
        condition.withLock { spooling = false }
    }

    /// Marks written batches current; returns those that left the queue while being written
    /// (their files must go too).
    func spoolWritten(_ written: [(seq: UInt64, version: Int)], problems: [String]) -> [UInt64] {
        condition.lock()
        defer { condition.unlock() }
        for p in problems { noteProblem(p) }
        var orphans: [UInt64] = []
        for w in written {
            if let i = entries.firstIndex(where: { $0.seq == w.seq }) {
                if entries[i].version == w.version { entries[i].persisted = w.version }
            } else {
                orphans.append(w.seq)
            }
        }
        return orphans
    }

    // MARK: control

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func snapshot() -> NotifierStats {
        condition.withLock { stats }
    }

    /// True when nothing is queued or being delivered.
    var isIdle: Bool {
        condition.withLock { entries.isEmpty && inFlight.isEmpty }
    }

    /// True when the spool mirrors the queue (nothing to write or delete).
    var isSpoolCurrent: Bool {
        condition.withLock { spool == nil || (!spooling && pendingDeletes.isEmpty && entries.allSatisfy { $0.persisted == $0.version }) }
    }
}
