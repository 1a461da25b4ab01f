import Glibc

/// Everything the event loop owns: running exchanges by socket, idle kept-alive connections per
/// pool key (`host:port`, for https with the TLS settings), and the read buffer. Only touched under the loop's mutex.
struct LoopState: ~Copyable {
    /// A kept-alive connection waiting for its next request.
    struct IdleConnection {
        var connection: PooledConnection
        var since: MonotonicTime
    }

    static let maxIdlePerHost = 8
    static let maxIdleTotal = 4096
    static let idleTimeout: Duration = .seconds(90)
    static let sweepInterval: Duration = .seconds(5)

    private var nextID = 1
    private var active: [Int32: Exchange] = [:]
    private var activeByID: [Int: Int32] = [:]
    /// Exchanges the loop thread is handling outside the lock, and those cancelled meanwhile.
    private var busy: Set<Int> = []
    private var cancelledWhileBusy: Set<Int> = []
    private var idle: [String: [IdleConnection]] = [:]
    private var idleCount = 0
    private var nextSweep = MonotonicTime(nanoseconds: 0)
    /// True while the loop thread is (about to be) blocked in `poll`: a new exchange must wake it.
    var sleeping = false

    init() {}

    mutating func allocateID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    // MARK: - Idle pool

    /// The most recently used idle connection for `key` that has not expired (expired ones are
    /// closed), taken out of the pool. Whether the peer has closed it is for the caller to check,
    /// outside the lock (a `recv` per request is too long to hold the loop's lock for).
    mutating func takeIdle(_ key: String, now: MonotonicTime) -> PooledConnection? {
        guard var list = idle[key] else { return nil }
        var found: PooledConnection?
        while let c = list.popLast() {
            idleCount -= 1
            if now < c.since.adding(LoopState.idleTimeout) {
                found = c.connection
                break
            }
            close(c.connection.fd)
        }
        idle[key] = list.isEmpty ? nil : list
        return found
    }

    private mutating func putIdle(_ key: String, _ connection: PooledConnection, now: MonotonicTime) {
        var list = idle[key] ?? []
        if list.count >= LoopState.maxIdlePerHost || idleCount >= LoopState.maxIdleTotal {
            guard !list.isEmpty else { close(connection.fd); return }
            close(list.removeFirst().connection.fd)
            idleCount -= 1
        }
        list.append(IdleConnection(connection: connection, since: now))
        idleCount += 1
        idle[key] = list
    }

    /// Closes idle connections that were idle too long; at most every `sweepInterval`.
    private mutating func sweepIdle(now: MonotonicTime) {
        guard nextSweep < now else { return }
        nextSweep = now.adding(LoopState.sweepInterval)
        guard idleCount > 0 else { return }
        for key in Array(idle.keys) {
            guard let list = idle[key] else { continue }
            let keep = list.filter { c in
                if now < c.since.adding(LoopState.idleTimeout) { return true }
                close(c.connection.fd)
                return false
            }
            idleCount -= list.count - keep.count
            idle[key] = keep.isEmpty ? nil : keep
        }
    }

    /// Closes every idle connection (tests and shutdown).
    mutating func closeAllIdle() {
        for list in idle.values { for c in list { close(c.connection.fd) } }
        idle.removeAll()
        idleCount = 0
    }

    var idleConnectionCount: Int { idleCount }

    // MARK: - Exchanges

    /// Starts an exchange (on the submitting thread). Returns whether the loop must be woken.
    mutating func start(_ ex: Exchange, now: MonotonicTime) -> Bool {
        if Task.isCancelled { finish(ex, .finished(ExchangeOutcome(result: .failure(.cancelled), staleConnection: false), reuse: false), now: now); return false }
        let step = ex.start()
        if case .finished = step { finish(ex, step, now: now); return false }
        track(ex)
        return sleeping
    }

    private mutating func track(_ ex: Exchange) {
        active[ex.fd] = ex
        activeByID[ex.id] = ex.fd
    }

    private mutating func untrack(_ ex: Exchange) {
        if let fd = activeByID.removeValue(forKey: ex.id) { active.removeValue(forKey: fd) }
    }

    private mutating func finish(_ ex: Exchange, _ step: Exchange.Step, now: MonotonicTime) {
        guard case .finished(let outcome, let reuse) = step else { return }
        untrack(ex)
        if reuse {
            putIdle(ex.spec.poolKey, ex.releaseSocket(), now: now)
        } else {
            ex.closeSocket()
        }
        ex.continuation.resume(returning: outcome)
    }

    /// Fails the exchange `id` with `cancelled`, if it is still running (once it is back, if the loop
    /// thread has it checked out).
    mutating func cancel(_ id: Int) {
        if busy.contains(id) {
            cancelledWhileBusy.insert(id)
            return
        }
        guard let fd = activeByID[id], let ex = active[fd] else { return }
        finish(ex, ex.abort(.cancelled), now: MonotonicTime.now())
    }

    // MARK: - Poll cycle

    /// Fills `set` with the wake pipe and every running exchange; returns the `poll` timeout in ms.
    mutating func preparePoll(_ set: inout [pollfd], wakeFD: Int32, now: MonotonicTime) -> Int32 {
        set.removeAll(keepingCapacity: true)
        set.append(pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0))
        var earliest = MonotonicTime(nanoseconds: .max)
        for (fd, ex) in active {
            set.append(pollfd(fd: fd, events: ex.pollEvents, revents: 0))
            if ex.spec.deadline < earliest { earliest = ex.spec.deadline }
        }
        if idleCount > 0 && nextSweep < earliest { earliest = nextSweep }
        sleeping = true
        return earliest.nanoseconds == .max ? -1 : earliest.millisecondsFrom(now)
    }

    /// `poll` returned: a new exchange no longer needs to wake the loop.
    mutating func awake() { sleeping = false }

    /// Takes the exchange on `fd` (which `poll` reported ready) out of the state, so that the loop thread
    /// can run its step (reads, parsing, TLS crypto) without holding the lock that submitting threads
    /// need. Until `checkIn` nothing else touches it: cancellation is deferred, deadlines wait.
    mutating func checkOut(_ fd: Int32) -> CheckedOutExchange? {
        guard let ex = active[fd] else { return nil }
        untrack(ex)
        busy.insert(ex.id)
        return CheckedOutExchange(exchange: ex)
    }

    /// Puts a checked-out exchange back after its step: tracked again (a connect that moved on to the
    /// next address has a new socket), or finished.
    mutating func checkIn(_ checkedOut: CheckedOutExchange, step: Exchange.Step, now: MonotonicTime) {
        let ex = checkedOut.exchange
        busy.remove(ex.id)
        let cancelled = cancelledWhileBusy.remove(ex.id) != nil
        switch step {
        case .wait where cancelled:
            finish(ex, ex.abort(.cancelled), now: now)
        case .wait:
            track(ex)
        case .finished:
            finish(ex, step, now: now)
        }
    }

    /// Ends exchanges past their deadline and closes idle connections that expired.
    mutating func expire(now: MonotonicTime) {
        let expired = active.values.filter { !(now < $0.spec.deadline) }
        for ex in expired { finish(ex, ex.abort(.timeout), now: now) }
        sweepIdle(now: now)
    }
}
