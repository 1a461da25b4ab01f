/// One client connection as the loop sees it: bytes read and not yet consumed, the request being
/// read, the response being written, and the clock of the current phase. Owned by the loop thread.
final class ServerConnection {
    enum Phase {
        /// Waiting for a request head, or reading one.
        case head
        /// Reading the body of `head`.
        case body(RequestHead, BodyReader)
        /// A worker runs the handler for `head`.
        case handling(RequestHead)
        /// Writing a response; `close` ends the connection after it.
        case responding(close: Bool)
        /// The write side is shut; reading and discarding until the peer closes or `until`, so
        /// unread request bytes do not turn our close into a reset that destroys the response.
        case draining(until: MonotonicInstant)
    }

    enum BodyReader {
        case length(remaining: Int, body: [UInt8])
        case chunked(ChunkedBodyDecoder)
    }

    let id: UInt64
    let fd: Int32
    let peer: String
    let local: String
    var phase = Phase.head
    var input: [UInt8] = []
    /// Bytes of `input` already consumed.
    var offset = 0
    /// Bytes after `offset` already searched for the end of the head (searches resume there).
    var scanned = 0
    var output: [UInt8] = []
    var written = 0
    /// The peer sent EOF (it may still read our response).
    var peerClosed = false
    /// Responses completed on this connection.
    var served = 0
    /// Start of the current phase (accept, end of the last response, end of the head, start of writing).
    var since: MonotonicInstant
    /// When the first byte of the current request's head arrived.
    var headStartedAt: MonotonicInstant?

    init(id: UInt64, fd: Int32, peer: String, local: String, now: MonotonicInstant) {
        self.id = id
        self.fd = fd
        self.peer = peer
        self.local = local
        self.since = now
    }

    var pendingInput: Int { input.count - offset }
    var hasOutput: Bool { written < output.count }

    /// Kept alive and waiting for its next request with nothing buffered: the one to evict first.
    var isIdle: Bool {
        if case .head = phase { return served > 0 && pendingInput == 0 && !hasOutput }
        return false
    }

    /// When the current phase runs out of time, if it can.
    func deadline(_ options: HTTPServerOptions) -> MonotonicInstant? {
        switch phase {
        case .head:
            if let headStartedAt { return headStartedAt.adding(options.headerTimeout) }
            return since.adding(served == 0 ? options.headerTimeout : options.idleTimeout)
        case .body: return since.adding(options.bodyTimeout)
        case .handling: return nil
        case .responding: return since.adding(options.writeTimeout)
        case .draining(let until): return until
        }
    }

    /// Drops consumed input once it is most of the buffer.
    func compactInput() {
        if offset == input.count {
            input.removeAll(keepingCapacity: input.capacity <= 1 << 16)
            offset = 0
        } else if offset > 4096 && offset * 2 > input.count {
            input.removeFirst(offset)
            offset = 0
        }
    }
}
