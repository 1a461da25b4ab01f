import Foundation

/// The one thread that mirrors every notifier's queue to its spool folder: writes new and
/// changed batches, deletes delivered and dropped ones. Evaluation and delivery never wait for
/// the disk; the evaluator only flags that there is work.
///
/// `@unchecked Sendable`: `pending`, `stopping` and `finished` are only touched with
/// `condition` locked; `queues` is immutable.
final class SpoolWriter: @unchecked Sendable {
    let queues: [DeliveryQueue]
    private let condition = NSCondition()
    private var pending = false
    private var stopping = false
    private var finished = false
    private var started = false

    /// How long to wait after a failed write before trying again (a full disk).
    static let retryPause = 1.0

    init(queues: [DeliveryQueue]) {
        self.queues = queues.filter { $0.spool != nil }
    }

    func start() {
        condition.withLock { started = true }
        guard !queues.isEmpty else {
            condition.withLock { finished = true }
            return
        }
        let thread = Thread { [self] in run() }
        thread.name = "vigil.notify.spool"
        thread.start()
    }

    /// Something changed in a queue.
    func signal() {
        condition.lock()
        pending = true
        condition.signal()
        condition.unlock()
    }

    /// Writes what is still pending, then ends the thread; waits for that up to `timeout`.
    @discardableResult
    func stop(timeout: Double = 10) -> Bool {
        condition.lock()
        if !started {
            // No thread: write what is pending here, once.
            started = true
            stopping = true
            condition.unlock()
            _ = pass()
            condition.withLock { finished = true }
            return true
        }
        stopping = true
        pending = true
        condition.broadcast()
        let limit = Date(timeIntervalSinceNow: timeout)
        while !finished {
            if !condition.wait(until: limit) { break }
        }
        let done = finished
        condition.unlock()
        return done
    }

    private func run() {
        while true {
            condition.lock()
            while !pending && !stopping { condition.wait() }
            pending = false
            let last = stopping
            condition.unlock()
            let failed = pass()
            if last {
                condition.lock()
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            if failed {
                // Retry after a pause instead of spinning on a full or read-only disk.
                condition.lock()
                pending = true
                _ = condition.wait(until: Date(timeIntervalSinceNow: Self.retryPause))
                condition.unlock()
            }
        }
    }

    /// One round over every queue; true if a write failed.
    private func pass() -> Bool {
        var failed = false
        for q in queues {
            guard let spool = q.spool else { continue }
            let work = q.takeSpoolWork()
            if work.isEmpty { continue }
            for seq in work.deletes { spool.remove(seq) }
            var written: [(seq: UInt64, version: Int)] = []
            var problems: [String] = []
            for w in work.writes {
                do throws(NotifyError) {
                    try spool.write(w.seq, w.alerts)
                    written.append((w.seq, w.version))
                } catch {
                    problems.append(error.description)
                    failed = true
                }
            }
            if !work.deletes.isEmpty { spool.syncFolder() }
            for seq in q.spoolWritten(written, problems: problems) { spool.remove(seq) }
            q.spoolFinished()
        }
        return failed
    }
}
