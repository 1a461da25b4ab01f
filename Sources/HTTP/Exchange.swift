import Glibc

/// One request/response on one TCP connection, driven by the event loop: connect (trying each
/// resolved address in turn), write the request, read and parse the response. Lives only inside the
/// loop's locked state; every method runs with that lock held.
final class Exchange {
    enum Phase {
        case connecting
        case writing
        case reading
    }

    /// What the loop should do after a step.
    enum Step {
        case wait
        /// Done; `reuse` says whether the connection may go back to the idle pool.
        case finished(ExchangeOutcome, reuse: Bool)
    }

    let id: Int
    let spec: ExchangeSpec
    let continuation: CheckedContinuation<ExchangeOutcome, Never>
    let reused: Bool
    private(set) var fd: Int32 = -1
    private(set) var phase = Phase.connecting
    private var addressIndex = 0
    private var written = 0
    private var parser: ResponseParser
    private var connectedAt: MonotonicTime?
    private var firstByteAt: MonotonicTime?
    private var remoteText = ""

    init(id: Int, spec: ExchangeSpec, continuation: CheckedContinuation<ExchangeOutcome, Never>, reusing fd: Int32?) {
        self.id = id
        self.spec = spec
        self.continuation = continuation
        self.parser = ResponseParser(limits: spec.limits, isHEAD: spec.isHEAD)
        if let fd {
            self.fd = fd
            self.reused = true
            self.phase = .writing
            self.remoteText = spec.poolKey
        } else {
            self.reused = false
        }
    }

    /// `poll` events this exchange waits for.
    var pollEvents: Int16 {
        switch phase {
        case .connecting, .writing: return Int16(POLLOUT)
        case .reading: return Int16(POLLIN)
        }
    }

    /// First step, on the submitting thread: connect or write right away.
    func start() -> Step {
        if reused { return writeSome() }
        return connectNext(lastError: nil)
    }

    /// Reacts to `poll` readiness.
    func handle(revents: Int16, scratch: UnsafeMutableRawBufferPointer) -> Step {
        switch phase {
        case .connecting:
            let err = PosixSocket.pendingError(fd)
            if err != 0 {
                closeSocket()
                return connectNext(lastError: err)
            }
            if revents & Int16(POLLOUT) == 0 { return .wait }
            connectedAt = MonotonicTime.now()
            phase = .writing
            return writeSome()
        case .writing:
            return writeSome()
        case .reading:
            return readOnce(scratch)
        }
    }

    /// Fails the exchange (deadline or cancellation); the socket is closed.
    func abort(_ kind: HTTPError.Kind) -> Step {
        .finished(ExchangeOutcome(result: .failure(kind), staleConnection: false), reuse: false)
    }

    func closeSocket() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// Hands the socket over (to the idle pool) so that it is not closed with the exchange.
    func releaseSocket() -> Int32 {
        let f = fd
        fd = -1
        return f
    }

    // MARK: - Steps

    private func connectNext(lastError: Int32?) -> Step {
        while addressIndex < spec.addresses.count {
            let address = spec.addresses[addressIndex]
            addressIndex += 1
            remoteText = address.text
            let s = PosixSocket.open(family: address.family)
            if s < 0 { return fail(.connect(address: remoteText, reason: PosixSocket.describe(-s))) }
            fd = s
            switch PosixSocket.connect(fd, to: address) {
            case .connected:
                connectedAt = MonotonicTime.now()
                phase = .writing
                return writeSome()
            case .inProgress:
                phase = .connecting
                return .wait
            case .failed(let e):
                closeSocket()
                if addressIndex < spec.addresses.count { continue }
                return fail(.connect(address: remoteText, reason: PosixSocket.describe(e)))
            }
        }
        let reason = lastError.map(PosixSocket.describe) ?? "no address"
        return fail(.connect(address: remoteText.isEmpty ? spec.poolKey : remoteText, reason: reason))
    }

    private func writeSome() -> Step {
        let total = spec.request.count
        while written < total {
            let n = spec.request.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + written, total - written, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                written += n
                continue
            }
            let e = errno
            if n < 0 && (e == EAGAIN || e == EWOULDBLOCK) { phase = .writing; return .wait }
            if n < 0 && e == EINTR { continue }
            let text = PosixSocket.connectionText(fd, remote: remoteText)
            return fail(.io(operation: "write", address: text, reason: PosixSocket.describe(e)), stale: reused)
        }
        phase = .reading
        return .wait
    }

    private func readOnce(_ scratch: UnsafeMutableRawBufferPointer) -> Step {
        guard let base = scratch.baseAddress else { return fail(.eof) }
        let n = recv(fd, base, scratch.count, 0)
        if n > 0 {
            if firstByteAt == nil { firstByteAt = MonotonicTime.now() }
            do {
                switch try parser.feed(UnsafeRawBufferPointer(start: base, count: n)) {
                case .needMore:
                    return .wait
                case .complete(let unconsumed):
                    return succeed(reuse: parser.keepAlive && unconsumed == 0)
                }
            } catch {
                return fail(error)
            }
        }
        if n == 0 {
            do {
                try parser.finishAtEOF()
                return succeed(reuse: false)
            } catch {
                return fail(error, stale: reused && !parser.receivedAny)
            }
        }
        let e = errno
        if e == EAGAIN || e == EWOULDBLOCK || e == EINTR { return .wait }
        let text = PosixSocket.connectionText(fd, remote: remoteText)
        return fail(.io(operation: "read", address: text, reason: PosixSocket.describe(e)), stale: reused && !parser.receivedAny)
    }

    private func succeed(reuse: Bool) -> Step {
        let raw = RawResponse(status: parser.status, reason: parser.reason, headers: parser.headers, body: parser.body,
                              connectedAt: connectedAt, firstByteAt: firstByteAt ?? MonotonicTime.now(),
                              reusedConnection: reused)
        return .finished(ExchangeOutcome(result: .success(raw), staleConnection: false), reuse: reuse)
    }

    private func fail(_ kind: HTTPError.Kind, stale: Bool = false) -> Step {
        .finished(ExchangeOutcome(result: .failure(kind), staleConnection: stale), reuse: false)
    }
}
