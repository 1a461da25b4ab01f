import Foundation
import Glibc
import Synchronization

/// The one thread that waits on all HTTP and HTTPS sockets with `poll(2)` and resumes the waiting Swift
/// tasks: many concurrent requests cost no thread each. Submitting threads start an exchange (connect
/// or write) themselves under the mutex and wake the loop through a pipe only when it is asleep.
final class EventLoop: Sendable {
    static let shared = EventLoop()

    private let state: Mutex<LoopState>
    private let wakeRead: Int32
    private let wakeWrite: Int32

    private init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        for fd in fds where fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        state = Mutex(LoopState())
        let thread = Thread { [self] in self.run() }
        thread.name = "vigil-http-loop"
        thread.start()
    }

    /// Takes a live idle connection to `key`, if any; ones the peer closed meanwhile are closed here.
    func takeIdle(_ key: String) -> PooledConnection? {
        while let c = state.withLock({ $0.takeIdle(key, now: MonotonicTime.now()) }) {
            if PosixSocket.isIdleAlive(c.fd) { return c }
            close(c.fd)
        }
        return nil
    }

    /// Runs one exchange to its end. `connection` is a reused idle one, or nil to connect to `spec.addresses`.
    func run(_ spec: ExchangeSpec, reusing connection: PooledConnection?) async -> ExchangeOutcome {
        let id = state.withLock { $0.allocateID() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<ExchangeOutcome, Never>) in
                let wake = state.withLock { st in
                    st.start(Exchange(id: id, spec: spec, continuation: c, reusing: connection), now: MonotonicTime.now())
                }
                if wake { self.wake() }
            }
        } onCancel: {
            state.withLock { $0.cancel(id) }
        }
    }

    /// Number of idle kept-alive connections (for tests).
    var idleConnectionCount: Int { state.withLock { $0.idleConnectionCount } }

    /// Closes all idle connections (for tests).
    func closeIdleConnections() { state.withLock { $0.closeAllIdle() } }

    private func wake() {
        var b: UInt8 = 1
        _ = write(wakeWrite, &b, 1)
    }

    private func run() {
        var set: [pollfd] = []
        set.reserveCapacity(64)
        var drain = [UInt8](repeating: 0, count: 64)
        // The read buffer, used by this thread only; the loop lives as long as the process.
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        while true {
            let timeout = state.withLock { $0.preparePoll(&set, wakeFD: wakeRead, now: MonotonicTime.now()) }
            let rc = poll(&set, nfds_t(set.count), timeout)
            if rc < 0 && errno != EINTR {
                // Only EFAULT/EINVAL/ENOMEM are possible; back off instead of spinning.
                usleep(1000)
            }
            if let first = set.first, first.revents != 0 {
                _ = drain.withUnsafeMutableBytes { read(wakeRead, $0.baseAddress, $0.count) }
            }
            if rc < 0 { for i in set.indices { set[i].revents = 0 } }
            state.withLock { $0.awake() }
            // Each step runs outside the lock (a TLS handshake's signature checks take milliseconds),
            // so threads starting exchanges only ever wait for bookkeeping.
            for p in set.dropFirst() where p.revents != 0 {
                guard let checkedOut = state.withLock({ $0.checkOut(p.fd) }) else { continue }
                let step = checkedOut.exchange.handle(revents: p.revents, scratch: scratch)
                state.withLock { $0.checkIn(checkedOut, step: step, now: MonotonicTime.now()) }
            }
            state.withLock { $0.expire(now: MonotonicTime.now()) }
        }
    }
}
