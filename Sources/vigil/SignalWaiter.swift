import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM, SIGINT and SIGHUP into values a loop can wait for, without a terminal:
/// the signals are ignored as process signals and delivered through Dispatch sources instead,
/// so nothing runs inside a signal handler.
final class SignalWaiter {
    enum Received: Sendable { case terminate, reload }

    /// What the Dispatch handlers and the waiting loop share.
    private final class Inbox: Sendable {
        let pending = Mutex<[Received]>([])
        let wake = DispatchSemaphore(value: 0)
    }

    private let queue = DispatchQueue(label: "vigil.signals")
    private let inbox = Inbox()
    private var sources: [DispatchSourceSignal] = []

    init() {
        for (sig, what) in [(SIGTERM, Received.terminate), (SIGINT, .terminate), (SIGHUP, .reload)] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { [inbox] in
                inbox.pending.withLock { $0.append(what) }
                inbox.wake.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Waits up to `timeout` for a signal; nil when none came.
    func wait(timeout: Duration) -> Received? {
        if let r = take() { return r }
        let ns = Int(timeout.components.seconds) * 1_000_000_000 + Int(timeout.components.attoseconds / 1_000_000_000)
        _ = inbox.wake.wait(timeout: .now() + .nanoseconds(ns))
        return take()
    }

    private func take() -> Received? {
        inbox.pending.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    /// Restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for sig in [SIGTERM, SIGINT, SIGHUP] { signal(sig, SIG_DFL) }
    }
}
