import Glibc

/// The event loop: one thread, one `poll(2)` over the listeners, the wake pipe and every connection.
/// It accepts, reads and parses requests, runs the handler (or hands it to the workers), writes
/// responses, enforces the timeouts, and on stop closes everything. Created and used only on the
/// loop thread, so it needs no locks of its own.
final class ServerLoop {
    private let control: ServerControl
    private let listeners: [(fd: Int32, address: HTTPServerAddress)]
    private let options: HTTPServerOptions
    private let handler: @Sendable (HTTPServerRequest) -> HTTPServerResponse
    private let pool: WorkerPool?
    private var connections: [UInt64: ServerConnection] = [:]
    private var nextID: UInt64 = 1
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)
    private var encoder: ResponseEncoder
    private var acceptPausedUntil: MonotonicInstant?
    private let limits: RequestHeadParser.Limits

    init(control: ServerControl, listeners: [(fd: Int32, address: HTTPServerAddress)], options: HTTPServerOptions,
         handler: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse, pool: WorkerPool?) {
        self.control = control
        self.listeners = listeners
        self.options = options
        self.handler = handler
        self.pool = pool
        self.encoder = ResponseEncoder(serverName: options.serverName)
        self.limits = RequestHeadParser.Limits(maxHeaderCount: max(1, options.maxHeaderCount), maxBodyBytes: max(0, options.maxBodyBytes))
    }

    func run() {
        var set: [pollfd] = []
        var owners: [UInt64] = []
        while !control.isStopping {
            var now = MonotonicInstant.now()
            set.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            set.append(pollfd(fd: control.wakeRead, events: Int16(POLLIN), revents: 0))
            let accepting = acceptPausedUntil.map { $0 <= now } ?? true
            if accepting {
                acceptPausedUntil = nil
                for l in listeners { set.append(pollfd(fd: l.fd, events: Int16(POLLIN), revents: 0)) }
            }
            let firstConnection = set.count
            var nearest = acceptPausedUntil
            for c in connections.values {
                set.append(pollfd(fd: c.fd, events: events(for: c), revents: 0))
                owners.append(c.id)
                if let d = c.deadline(options), nearest.map({ d < $0 }) ?? true { nearest = d }
            }
            let timeout = nearest.map { $0.millisecondsFrom(now) } ?? -1
            let rc = poll(&set, nfds_t(set.count), timeout)
            if rc < 0 && errno != EINTR { usleep(1000) }
            now = MonotonicInstant.now()
            if set[0].revents != 0 { control.drainWakes() }
            if control.isStopping { break }
            for (id, response) in control.takeCompletions() {
                guard let c = connections[id], case .handling(let head) = c.phase else { continue }
                respond(c, head: head, response, now: now)
                continueReading(c, now: now)
            }
            if rc > 0 {
                if accepting {
                    for i in 0..<listeners.count where set[1 + i].revents != 0 { acceptAll(listeners[i], now: now) }
                }
                for (i, id) in owners.enumerated() {
                    let revents = set[firstConnection + i].revents
                    guard revents != 0, let c = connections[id], c.fd == set[firstConnection + i].fd else { continue }
                    handle(c, revents: revents, now: now)
                }
            }
            expire(now: MonotonicInstant.now())
        }
        closeAll()
    }

    private func events(for c: ServerConnection) -> Int16 {
        var e: Int32 = 0
        switch c.phase {
        case .head, .body: if !c.peerClosed { e |= Int32(POLLIN) }
        case .draining: e |= Int32(POLLIN)
        case .handling, .responding: break
        }
        if c.hasOutput { e |= Int32(POLLOUT) }
        return Int16(e)
    }

    // MARK: Accepting

    private func acceptAll(_ listener: (fd: Int32, address: HTTPServerAddress), now: MonotonicInstant) {
        for _ in 0..<64 {
            guard let (fd, peer) = ServerSocket.accept(listener.fd) else {
                let e = errno
                if e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM {
                    // Out of descriptors: stop accepting for a moment instead of spinning on a ready listener.
                    acceptPausedUntil = now.adding(.milliseconds(100))
                }
                return
            }
            if connections.count >= max(1, options.maxConnections) && !evictIdle() {
                var refusal = encoder.error(503, "too many connections")
                _ = ServerSocket.send(fd, refusal, from: 0)
                refusal.removeAll()
                close(fd)
                control.updateStatistics { $0.acceptedConnections += 1; $0.rejectedRequests += 1 }
                continue
            }
            let c = ServerConnection(id: nextID, fd: fd, peer: peer, local: listener.address.description, now: now)
            nextID += 1
            connections[c.id] = c
            let open = connections.count
            control.updateStatistics { $0.acceptedConnections += 1; $0.openConnections = open }
        }
    }

    /// Closes the kept-alive connection idle the longest; false when none is idle.
    private func evictIdle() -> Bool {
        guard let victim = connections.values.filter(\.isIdle).min(by: { $0.since < $1.since }) else { return false }
        drop(victim)
        return true
    }

    // MARK: Events

    private func handle(_ c: ServerConnection, revents: Int16, now: MonotonicInstant) {
        let r = Int32(revents)
        if r & Int32(POLLERR | POLLNVAL) != 0 || (r & Int32(POLLHUP) != 0 && r & Int32(POLLIN) == 0) {
            drop(c)
            return
        }
        if r & Int32(POLLOUT) != 0 && c.hasOutput {
            flush(c, now: now)
            guard connections[c.id] != nil else { return }
            continueReading(c, now: now)
        }
        if r & Int32(POLLIN | POLLHUP) != 0 { read(c, now: now) }
    }

    private func read(_ c: ServerConnection, now: MonotonicInstant) {
        if case .draining = c.phase {
            for _ in 0..<16 {
                switch ServerSocket.receive(c.fd, into: &scratch) {
                case .done: continue
                case .wouldBlock: return
                case .closed, .failed: drop(c); return
                }
            }
            return
        }
        switch c.phase {
        case .head, .body: break
        default: return
        }
        switch ServerSocket.receive(c.fd, into: &scratch) {
        case .done(let n): c.input += scratch[0..<n]
        case .closed: c.peerClosed = true
        case .wouldBlock: return
        case .failed: drop(c); return
        }
        advance(c, now: now)
    }

    /// After a response went out: the next request may already be buffered (pipelining).
    private func continueReading(_ c: ServerConnection, now: MonotonicInstant) {
        guard connections[c.id] != nil, case .head = c.phase, c.pendingInput > 0 else { return }
        advance(c, now: now)
    }

    /// Moves a connection through as many requests as its buffered bytes allow: a loop, not
    /// recursion, so thousands of pipelined requests in one read cost no stack.
    private func advance(_ c: ServerConnection, now: MonotonicInstant) {
        while connections[c.id] != nil {
            switch c.phase {
            case .head:
                guard readHead(c, now: now) else { return }
            case .body(let head, var reader):
                c.phase = .handling(head)  // keeps the reader out of the enum while it grows
                let complete: Bool
                do {
                    complete = try consumeBody(c, &reader)
                } catch {
                    fail(c, error, now: now)
                    return
                }
                if complete {
                    let body: [UInt8]
                    switch reader {
                    case .length(_, let b): body = b
                    case .chunked(let d): body = d.body
                    }
                    c.compactInput()
                    dispatch(c, head: head, body: body, now: now)
                } else {
                    c.phase = .body(head, reader)
                    if c.peerClosed { drop(c) }
                    c.compactInput()
                    return
                }
            case .handling, .responding, .draining:
                return
            }
        }
    }

    /// Parses the next head if it has arrived; true when the connection moved on to a body or a handler.
    private func readHead(_ c: ServerConnection, now: MonotonicInstant) -> Bool {
        if c.headStartedAt == nil {
            // Blank lines before a request line are ignored (RFC 9112 §2.2).
            while c.offset < c.input.count && (c.input[c.offset] == 0x0D || c.input[c.offset] == 0x0A) { c.offset += 1 }
            if c.pendingInput == 0 {
                c.compactInput()
                if c.peerClosed { drop(c) }
                return false
            }
            c.headStartedAt = now
            c.scanned = 0
        }
        guard let end = headEnd(c) else {
            if c.pendingInput > options.maxHeaderBytes {
                fail(c, RequestFailure(431, "request head larger than \(options.maxHeaderBytes) bytes"), now: now)
            } else if c.peerClosed {
                drop(c)
            }
            return false
        }
        if end - c.offset > options.maxHeaderBytes {
            fail(c, RequestFailure(431, "request head larger than \(options.maxHeaderBytes) bytes"), now: now)
            return false
        }
        let head: RequestHead
        do {
            head = try RequestHeadParser.parse(c.input[c.offset..<end], limits: limits)
        } catch {
            fail(c, error, now: now)
            return false
        }
        c.offset = end
        c.scanned = 0
        c.headStartedAt = nil
        c.since = now
        switch head.body {
        case .none:
            c.compactInput()
            dispatch(c, head: head, body: [], now: now)
        case .length(let n):
            c.phase = .body(head, .length(remaining: n, body: []))
        case .chunked:
            c.phase = .body(head, .chunked(ChunkedBodyDecoder(maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: options.maxHeaderBytes)))
        }
        if head.expectContinue && c.pendingInput == 0 {
            c.output += Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
            flush(c, now: now)
        }
        return true
    }

    /// The index just past the empty line ending the head, searching only bytes not searched before.
    private func headEnd(_ c: ServerConnection) -> Int? {
        let input = c.input
        var i = c.offset + c.scanned
        let n = input.count
        while i < n {
            if input[i] == 0x0A {
                if i + 1 < n && input[i + 1] == 0x0A { return i + 2 }
                if i + 2 < n && input[i + 1] == 0x0D && input[i + 2] == 0x0A { return i + 3 }
            }
            i += 1
        }
        c.scanned = max(0, n - c.offset - 2)
        return nil
    }

    private func consumeBody(_ c: ServerConnection, _ reader: inout ServerConnection.BodyReader) throws(RequestFailure) -> Bool {
        switch reader {
        case .length(let remaining, var body):
            let n = min(remaining, c.pendingInput)
            if body.isEmpty { body.reserveCapacity(min(remaining, 1 << 20)) }
            body += c.input[c.offset..<(c.offset + n)]
            c.offset += n
            reader = .length(remaining: remaining - n, body: body)
            return remaining - n == 0
        case .chunked(var decoder):
            var offset = c.offset
            let done = try decoder.feed(c.input, offset: &offset)
            c.offset = offset
            reader = .chunked(decoder)
            return done
        }
    }

    // MARK: Handling and responding

    private func dispatch(_ c: ServerConnection, head: RequestHead, body: [UInt8], now: MonotonicInstant) {
        control.updateStatistics { $0.requests += 1 }
        let request = HTTPServerRequest(method: head.method, target: head.target, minorVersion: head.minorVersion,
                                        headers: head.headers, body: body, remoteAddress: c.peer, localAddress: c.local)
        // A 100 Continue still waiting to go out is dropped: the body is already here.
        c.output.removeAll()
        c.written = 0
        if let pool {
            c.phase = .handling(head)
            pool.submit(c.id, request)
        } else {
            respond(c, head: head, handler(request), now: now)
        }
    }

    private func respond(_ c: ServerConnection, head: RequestHead, _ response: HTTPServerResponse, now: MonotonicInstant) {
        let close = !head.keepAlive || c.peerClosed || control.isStopping
        c.output += encoder.encode(response, headRequest: head.isHead, close: close)
        c.phase = .responding(close: close)
        c.since = now
        flush(c, now: now)
    }

    private func fail(_ c: ServerConnection, _ failure: RequestFailure, now: MonotonicInstant) {
        control.updateStatistics { $0.rejectedRequests += 1 }
        c.output = encoder.error(failure.status, failure.message)
        c.written = 0
        c.phase = .responding(close: true)
        c.since = now
        flush(c, now: now)
    }

    /// Writes what the socket takes; at the end of a response, closes or turns to the next request
    /// (which the caller then reads: `advance`'s loop, or `continueReading`).
    private func flush(_ c: ServerConnection, now: MonotonicInstant) {
        while c.hasOutput {
            switch ServerSocket.send(c.fd, c.output, from: c.written) {
            case .done(let n): c.written += n
            case .wouldBlock: return
            case .closed, .failed: drop(c); return
            }
        }
        c.output.removeAll(keepingCapacity: c.output.capacity <= 1 << 16)
        c.written = 0
        guard case .responding(let close) = c.phase else { return }
        c.served += 1
        if close {
            Glibc.shutdown(c.fd, Int32(SHUT_WR))
            if c.peerClosed { drop(c); return }
            c.phase = .draining(until: now.adding(.milliseconds(500)))
            c.input.removeAll()
            c.offset = 0
            return
        }
        c.phase = .head
        c.since = now
    }

    // MARK: Timeouts and closing

    private func expire(now: MonotonicInstant) {
        for c in Array(connections.values) {
            guard let d = c.deadline(options), d <= now else { continue }
            if case .head = c.phase, c.headStartedAt != nil {
                var timeout = encoder.error(408, "timed out reading the request head")
                _ = ServerSocket.send(c.fd, timeout, from: 0)
                timeout.removeAll()
            }
            var counts = true
            if case .draining = c.phase { counts = false }
            if case .head = c.phase, c.headStartedAt == nil, c.served > 0 { counts = false }
            if counts { control.updateStatistics { $0.timeouts += 1 } }
            drop(c)
        }
    }

    private func drop(_ c: ServerConnection) {
        guard connections.removeValue(forKey: c.id) != nil else { return }
        close(c.fd)
        let open = connections.count
        control.updateStatistics { $0.openConnections = open }
    }

    private func closeAll() {
        for c in Array(connections.values) { drop(c) }
        for l in listeners { close(l.fd) }
        pool?.stop()
    }
}
