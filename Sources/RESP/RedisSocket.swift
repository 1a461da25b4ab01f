import Glibc

/// A connected, non-blocking TCP socket whose reads and writes wait with `poll` until a deadline.
/// Owned by one `RedisConnection` and only used under its lock.
final class RedisSocket {
    private let fd: Int32
    private var readBuffer = [UInt8](repeating: 0, count: 64 << 10)

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        close(fd)
    }

    /// Resolves `host` (name, IPv4 or IPv6 literal) and connects to the first address that accepts
    /// within the deadline. Name resolution itself uses the system resolver and is not bounded by it.
    static func connect(host: String, port: Int, deadline: Deadline) throws(SocketFailure) -> RedisSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            let text = rc == EAI_SYSTEM ? SocketFailure.errnoText(errno) : String(cString: gai_strerror(rc))
            throw .resolve(text)
        }
        defer { freeaddrinfo(list) }
        var lastFailure = SocketFailure.connect("no addresses")
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            do {
                return try connect(info.pointee, deadline: deadline)
            } catch {
                lastFailure = error
                if case .connectTimeout = error { throw error }
            }
        }
        throw lastFailure
    }

    private static func connect(_ info: addrinfo, deadline: Deadline) throws(SocketFailure) -> RedisSocket {
        let fd = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), info.ai_protocol)
        guard fd >= 0 else { throw .connect(SocketFailure.errnoText(errno)) }
        let sock = RedisSocket(fd: fd)  // closes fd on every failure path below
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return sock }
        guard errno == EINPROGRESS else { throw .connect(SocketFailure.errnoText(errno)) }
        guard try sock.wait(for: Int16(POLLOUT), deadline: deadline) else { throw .connectTimeout }
        var soError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length) == 0 else {
            throw .connect(SocketFailure.errnoText(errno))
        }
        guard soError == 0 else { throw .connect(SocketFailure.errnoText(soError)) }
        return sock
    }

    /// Waits until the socket is ready for `events`; false when the deadline passes first.
    private func wait(for events: Int16, deadline: Deadline) throws(SocketFailure) -> Bool {
        var pfd = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let rc = poll(&pfd, 1, deadline.remainingMilliseconds)
            if rc > 0 { return true }
            if rc == 0 { return false }
            if errno != EINTR { throw .io(SocketFailure.errnoText(errno)) }
        }
    }

    /// Writes `request` and feeds replies into `decoder` until `replyCount` replies have been
    /// decoded, reading while writing so neither side's buffers can fill up and stall a large pipeline.
    func roundTrip(
        _ request: [UInt8], replyCount: Int, decoder: inout RESPDecoder, deadline: Deadline
    ) throws(RedisRoundTripFailure) -> [RESPValue] {
        var replies: [RESPValue] = []
        replies.reserveCapacity(min(replyCount, 1 << 16))
        var written = 0
        // Bytes left over from an earlier exchange mean the stream is out of step with our requests.
        guard !decoder.hasPartialReply else { throw .unexpectedReply }
        while replies.count < replyCount {
            let wantWrite = written < request.count
            var pfd = pollfd(fd: fd, events: Int16(POLLIN) | (wantWrite ? Int16(POLLOUT) : 0), revents: 0)
            let rc = poll(&pfd, 1, deadline.remainingMilliseconds)
            if rc == 0 { throw .socket(.timeout) }
            if rc < 0 {
                if errno == EINTR { continue }
                throw .socket(.io(SocketFailure.errnoText(errno)))
            }
            if wantWrite && pfd.revents & Int16(POLLOUT) != 0 {
                let n = request.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return send(fd, base + written, raw.count - written, Int32(MSG_NOSIGNAL))
                }
                if n > 0 {
                    written += n
                } else if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    throw .socket(Self.failure(errno))
                }
            }
            if pfd.revents & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 {
                let n = readBuffer.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, 0) }
                if n == 0 { throw .socket(.closedByPeer) }
                if n < 0 {
                    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                    throw .socket(Self.failure(errno))
                }
                readBuffer.withUnsafeBytes { raw in decoder.feed(UnsafeRawBufferPointer(rebasing: raw[0..<n])) }
                do {
                    while replies.count < replyCount, let value = try decoder.next() {
                        replies.append(value)
                    }
                } catch {
                    throw .protocolError(error)
                }
                if replies.count == replyCount && decoder.hasPartialReply {
                    throw .unexpectedReply
                }
            }
        }
        return replies
    }

    private static func failure(_ code: Int32) -> SocketFailure {
        code == ECONNRESET || code == EPIPE ? .closedByPeer : .io(SocketFailure.errnoText(code))
    }
}
