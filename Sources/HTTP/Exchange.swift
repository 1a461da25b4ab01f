import Glibc
import TLS

/// One request/response on one TCP connection, driven by the event loop: connect (trying each
/// resolved address in turn), for https run the TLS handshake, write the request, read and parse the
/// response. Owned by the loop's locked state: `start` runs under the lock on the submitting thread,
/// `handle` on the loop thread while the exchange is checked out of that state (`LoopState.checkOut`),
/// so one thread at a time touches it. Every socket call is non-blocking: the TLS client is a state
/// machine fed with what `recv` returned.
final class Exchange {
    enum Phase {
        case connecting
        case handshaking
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
    /// Bytes to put on the wire (the request, or TLS records) and how many of them went out.
    private var outgoing: [UInt8] = []
    private var written = 0
    private var tls: TLSClientConnection?
    private var parser: ResponseParser
    private var connectedAt: MonotonicTime?
    private var firstByteAt: MonotonicTime?
    private var remoteText = ""

    init(id: Int, spec: ExchangeSpec, continuation: CheckedContinuation<ExchangeOutcome, Never>, reusing connection: PooledConnection?) {
        self.id = id
        self.spec = spec
        self.continuation = continuation
        self.parser = ResponseParser(limits: spec.limits, isHEAD: spec.isHEAD)
        if let connection {
            self.fd = connection.fd
            self.tls = connection.tls
            self.reused = true
            self.phase = .writing
            self.remoteText = spec.hostPort
        } else {
            self.reused = false
        }
    }

    /// `poll` events this exchange waits for.
    var pollEvents: Int16 {
        switch phase {
        case .connecting, .writing: return Int16(POLLOUT)
        case .handshaking, .reading: return Int16(POLLIN) | (written < outgoing.count ? Int16(POLLOUT) : 0)
        }
    }

    /// First step, on the submitting thread: connect or write right away.
    func start() -> Step {
        if reused {
            if spec.tls != nil {
                guard var t = tls, t.isConnected else { return fail(.eof, stale: true) }
                do { outgoing = try t.send(spec.request) } catch { return fail(.tls("\(error)")) }
                tls = t
            } else {
                outgoing = spec.request
            }
            return writeSome()
        }
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
            return connected()
        case .writing:
            return writeSome()
        case .handshaking, .reading:
            if written < outgoing.count {
                if case .finished(let o, let r) = flush() { return .finished(o, reuse: r) }
                if revents & Int16(POLLIN | POLLHUP | POLLERR) == 0 { return .wait }
            }
            return readOnce(scratch)
        }
    }

    /// Fails the exchange (deadline or cancellation); the socket is closed.
    func abort(_ kind: HTTPError.Kind) -> Step {
        .finished(ExchangeOutcome(result: .failure(kind), staleConnection: false), reuse: false)
    }

    /// Closes the socket, with a best-effort close_notify when a TLS session is up.
    func closeSocket() {
        if fd >= 0 {
            if var t = tls, t.isConnected { sendBestEffort(t.close()) }
            close(fd)
        }
        fd = -1
        tls = nil
    }

    /// Hands the connection over (to the idle pool) so that it is not closed with the exchange.
    func releaseSocket() -> PooledConnection {
        let c = PooledConnection(fd: fd, tls: tls)
        fd = -1
        tls = nil
        return c
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
                return connected()
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
        return fail(.connect(address: remoteText.isEmpty ? spec.hostPort : remoteText, reason: reason))
    }

    /// TCP is up: send the request, or for https the ClientHello.
    private func connected() -> Step {
        connectedAt = MonotonicTime.now()
        guard let configuration = spec.tls else {
            outgoing = spec.request
            phase = .writing
            return writeSome()
        }
        var t = TLSClientConnection(configuration: configuration)
        do { outgoing = try t.start() } catch { return fail(.tls("\(error)")) }
        tls = t
        written = 0
        phase = .handshaking
        return flush()
    }

    /// Writes what it can of `outgoing`; `.wait` also when all went out (the phase decides what next).
    private func flush() -> Step {
        while written < outgoing.count {
            let n = outgoing.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + written, outgoing.count - written, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                written += n
                continue
            }
            let e = errno
            if n < 0 && (e == EAGAIN || e == EWOULDBLOCK) { return .wait }
            if n < 0 && e == EINTR { continue }
            let text = PosixSocket.connectionText(fd, remote: remoteText)
            return fail(.io(operation: "write", address: text, reason: PosixSocket.describe(e)), stale: reused)
        }
        outgoing = []
        written = 0
        return .wait
    }

    private func writeSome() -> Step {
        phase = .writing
        if case .finished(let o, let r) = flush() { return .finished(o, reuse: r) }
        if written < outgoing.count { return .wait }
        phase = .reading
        return .wait
    }

    private func readOnce(_ scratch: UnsafeMutableRawBufferPointer) -> Step {
        guard let base = scratch.baseAddress else { return fail(.eof) }
        let n = recv(fd, base, scratch.count, 0)
        if n > 0 {
            let bytes = UnsafeRawBufferPointer(start: base, count: n)
            if tls != nil { return receiveTLS(Array(bytes)) }
            return parse(bytes)
        }
        if n == 0 {
            if phase == .handshaking {
                return fail(.tls("handshake: the server closed the connection (EOF)"))
            }
            return endOfStream()
        }
        let e = errno
        if e == EAGAIN || e == EWOULDBLOCK || e == EINTR { return .wait }
        let text = PosixSocket.connectionText(fd, remote: remoteText)
        if phase == .handshaking {
            return fail(.io(operation: "read", address: text, reason: PosixSocket.describe(e)))
        }
        return fail(.io(operation: "read", address: text, reason: PosixSocket.describe(e)), stale: reused && !parser.receivedAny)
    }

    /// Feeds response bytes to the HTTP parser.
    private func parse(_ bytes: UnsafeRawBufferPointer) -> Step {
        if firstByteAt == nil { firstByteAt = MonotonicTime.now() }
        do {
            switch try parser.feed(bytes) {
            case .needMore:
                return .wait
            case .complete(let unconsumed):
                return succeed(reuse: parser.keepAlive && unconsumed == 0)
            }
        } catch {
            return fail(error)
        }
    }

    /// The peer closed (TCP EOF or TLS close_notify) while we read the response.
    private func endOfStream() -> Step {
        do {
            try parser.finishAtEOF()
            return succeed(reuse: false)
        } catch {
            return fail(error, stale: reused && !parser.receivedAny)
        }
    }

    /// Feeds socket bytes to the TLS client: handshake replies go out, and once the handshake is done the
    /// encrypted request follows; decrypted application data goes to the HTTP parser.
    private func receiveTLS(_ bytes: [UInt8]) -> Step {
        guard var t = tls else { return fail(.eof) }
        let handshaking = phase == .handshaking
        if handshaking, t.negotiatedSuite == nil, bytes.starts(with: Array("HTTP/".utf8)) {
            return fail(.tls("http: server gave HTTP response to HTTPS client"))
        }
        let output: TLSClientConnection.Output
        do {
            output = try t.receive(bytes)
        } catch {
            let failure = TLSFailure(error, beforeServerHello: t.negotiatedSuite == nil, hostPort: spec.hostPort)
            sendBestEffort(t.alertRecord(for: error))
            tls = nil
            return .finished(ExchangeOutcome(result: .failure(failure.kind), staleConnection: reused && !handshaking && !parser.receivedAny,
                                             tlsVersionProblem: failure.versionProblem), reuse: false)
        }
        if !output.outgoing.isEmpty {
            if written >= outgoing.count { outgoing = []; written = 0 }
            outgoing += output.outgoing
        }
        if handshaking && t.isConnected {
            do { outgoing += try t.send(spec.request) } catch { return fail(.tls("\(error)")) }
            tls = t
            if !output.applicationData.isEmpty {
                let step = output.applicationData.withUnsafeBytes { parse($0) }
                if case .finished = step { return step }
            }
            return writeSome()
        }
        tls = t
        if !output.applicationData.isEmpty {
            let step = output.applicationData.withUnsafeBytes { parse($0) }
            if case .finished = step { return step }
        }
        if output.peerClosed {
            if handshaking { return fail(.tls("handshake: the server closed the connection (close_notify)")) }
            return endOfStream()
        }
        if written < outgoing.count, case .finished(let o, let r) = flush() { return .finished(o, reuse: r) }
        return .wait
    }

    /// One non-blocking send of a TLS alert or close_notify; the connection is ending, so a short write is dropped.
    private func sendBestEffort(_ bytes: [UInt8]) {
        guard fd >= 0, !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
    }

    private func succeed(reuse: Bool) -> Step {
        // A TLS connection is reusable only with its session intact and nothing (a KeyUpdate reply) unsent.
        let tlsReusable = spec.tls == nil || (tls?.isConnected == true && written >= outgoing.count)
        let raw = RawResponse(status: parser.status, reason: parser.reason, headers: parser.headers, body: parser.body,
                              connectedAt: connectedAt, firstByteAt: firstByteAt ?? MonotonicTime.now(),
                              reusedConnection: reused)
        return .finished(ExchangeOutcome(result: .success(raw), staleConnection: false), reuse: reuse && tlsReusable)
    }

    private func fail(_ kind: HTTPError.Kind, stale: Bool = false) -> Step {
        .finished(ExchangeOutcome(result: .failure(kind), staleConnection: stale), reuse: false)
    }
}
