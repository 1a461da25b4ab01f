import Dispatch
import Glibc
import Synchronization

/// What the server object, the loop thread and the worker threads share: the stop flag, finished
/// responses from workers, statistics, and the pipe that wakes the loop out of `poll`.
final class ServerControl: Sendable {
    private struct State {
        var stopping = false
        var completions: [(id: UInt64, response: HTTPServerResponse)] = []
        var statistics = HTTPServerStatistics()
        /// pthread ids of the loop and worker threads: `stop()` from one of them must not wait for itself.
        var ownThreads: [pthread_t] = []
    }

    private let state = Mutex(State())
    let wakeRead: Int32
    let wakeWrite: Int32
    /// Left by the loop thread and every worker when they end.
    let finished = DispatchGroup()

    init() throws(HTTPServerError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw HTTPServerError("http server: pipe: \(ServerSocket.describe(errno))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    deinit {
        // Nothing can write to the pipe any more: every thread holding this object has ended.
        close(wakeRead)
        close(wakeWrite)
    }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Sets the stop flag; true the first time.
    func requestStop() -> Bool {
        let first = state.withLock { s -> Bool in
            defer { s.stopping = true }
            return !s.stopping
        }
        wake()
        return first
    }

    func wake() {
        var b: UInt8 = 1
        _ = write(wakeWrite, &b, 1)
    }

    func drainWakes() {
        var buf = [UInt8](repeating: 0, count: 64)
        while buf.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
    }

    func complete(_ id: UInt64, _ response: HTTPServerResponse) {
        state.withLock { $0.completions.append((id, response)) }
        wake()
    }

    func takeCompletions() -> [(id: UInt64, response: HTTPServerResponse)] {
        state.withLock { s in
            defer { s.completions.removeAll() }
            return s.completions
        }
    }

    func updateStatistics(_ body: (inout HTTPServerStatistics) -> Void) {
        state.withLock { body(&$0.statistics) }
    }

    var statistics: HTTPServerStatistics { state.withLock { $0.statistics } }

    func registerCurrentThread() {
        let me = pthread_self()
        state.withLock { $0.ownThreads.append(me) }
    }

    var isOwnThread: Bool {
        let me = pthread_self()
        return state.withLock { $0.ownThreads.contains { pthread_equal($0, me) != 0 } }
    }
}
