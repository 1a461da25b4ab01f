import Foundation
import Synchronization

/// Hands alerts from rule evaluation to every notifier without ever blocking the evaluator:
/// `submit` only filters and appends to each notifier's bounded in-memory queue. Each notifier
/// delivers on a thread of its own (a slow webhook never holds up the Alertmanager), retries
/// failures with exponential backoff, and, given a spool folder, keeps undelivered batches on
/// disk so they go out after a restart. Delivery is at least once: a batch delivered just
/// before a crash may be delivered again.
public final class NotificationDispatcher: Sendable {
    public let options: DispatcherOptions
    /// Fired and resolved episodes for the UI, fed by `submit` (nil: not kept).
    public let history: AlertHistory?
    let queues: [DeliveryQueue]
    private let writer: SpoolWriter
    private let lock: SpoolLock?
    private let state = Mutex(State())
    /// Problems found at start (spool folder locked or not creatable).
    public let startupProblems: [String]

    private struct State {
        var started = false
        var stopped = false
    }

    /// Builds the queues and reads back what an earlier run spooled. Notifiers with the same id
    /// (the same destination twice) get distinct spool folders (`id`, `id-2`, ...).
    public init(notifiers: [any Notifier], options: DispatcherOptions = DispatcherOptions(), history: AlertHistory? = nil) {
        self.options = options
        self.history = history
        var problems: [String] = []
        var lock: SpoolLock?
        if let dir = options.spoolDirectory {
            do throws(NotifyError) {
                lock = try SpoolLock(directory: dir)
            } catch {
                problems.append(error.description + "; undelivered alerts are kept in memory only")
            }
        }
        self.lock = lock
        var used: [String: Int] = [:]
        var queues: [DeliveryQueue] = []
        for n in notifiers {
            var folder: SpoolFolder?
            if let dir = options.spoolDirectory, lock != nil {
                let count = (used[n.id] ?? 0) + 1
                used[n.id] = count
                folder = SpoolFolder(path: dir + "/" + (count == 1 ? n.id : "\(n.id)-\(count)"))
            }
            let q = DeliveryQueue(notifier: n, spool: folder, options: options)
            q.restore()
            queues.append(q)
        }
        self.queues = queues
        writer = SpoolWriter(queues: queues)
        startupProblems = problems
    }

    /// Starts one delivery thread per notifier and the spool thread.
    public func start() {
        let go = state.withLock { s -> Bool in
            defer { s.started = true }
            return !s.started && !s.stopped
        }
        guard go else { return }
        writer.start()
        for q in queues {
            let writer = self.writer
            let thread = Thread {
                while let batch = q.waitForBatch() {
                    let outcome = q.notifier.deliver(batch.alerts)
                    q.complete(batch, outcome)
                    writer.signal()
                }
            }
            thread.name = "vigil.notify." + q.notifier.id
            thread.start()
        }
        // Batches restored from the spool are already on disk; nothing to write yet, but a
        // restored queue over its bound may have files to delete.
        writer.signal()
    }

    /// Queues `alerts` (one evaluation's worth) for every notifier. Cheap and non-blocking:
    /// filtering and an append under each queue's lock; the disk and the network are other
    /// threads' work.
    public func submit(_ alerts: [OutgoingAlert]) {
        guard !alerts.isEmpty else { return }
        history?.record(alerts)
        var queued = false
        for q in queues where q.enqueue(alerts) { queued = true }
        if queued { writer.signal() }
    }

    /// Stops delivering. The spool thread first writes every batch still queued (up to
    /// `timeout` seconds), so a new dispatcher on the same folder sends them. A delivery in
    /// progress finishes on its own; its result is no longer recorded on disk.
    public func stop(timeout: Double = 10) {
        let go = state.withLock { s -> Bool in
            defer { s.stopped = true }
            return !s.stopped
        }
        guard go else { return }
        for q in queues { q.stop() }
        writer.stop(timeout: timeout)
        lock?.release()
    }

    /// Per-notifier counters, in notifier order.
    public func stats() -> [NotifierStats] {
        queues.map { $0.snapshot() }
    }

    /// True when every queue is empty, nothing is being delivered and the spool is current.
    public var isIdle: Bool {
        queues.allSatisfy { $0.isIdle && $0.isSpoolCurrent }
    }

    /// Waits (bounded by `timeout`) until `isIdle`; true if that happened. Sleeps between looks
    /// without holding a thread, so it is safe on Swift's cooperative pool (where HTTP
    /// deliveries run their requests).
    @discardableResult
    public func waitUntilIdle(timeout: Duration) async -> Bool {
        let limit = ContinuousClock.now + timeout
        while ContinuousClock.now < limit {
            if isIdle { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return isIdle
    }
}
