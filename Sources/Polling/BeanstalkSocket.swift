import Glibc

/// A connected, non-blocking TCP socket to beanstalkd whose every wait (connect, write, read)
/// ends at one deadline. Owned by a single poll and used from one thread.
final class BeanstalkSocket {
    private let fd: Int32
    private var readBuffer = [UInt8](repeating: 0, count: 64 << 10)

    private init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }

    /// Resolves `host` and connects to the first address that accepts before the deadline.
    static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(PollError) -> BeanstalkSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw PollError("lookup \(host): \(rc == EAI_SYSTEM ? errnoText(errno) : String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(list) }
        var failure = PollError("no addresses for \(host)")
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            do { return try connect(info.pointee, deadline: deadline) } catch { failure = error }
            if ContinuousClock.now >= deadline { break }
        }
        throw failure
    }

    private static func connect(_ info: addrinfo, deadline: ContinuousClock.Instant) throws(PollError) -> BeanstalkSocket {
        let fd = socket(info.ai_family, info.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), info.ai_protocol)
        guard fd >= 0 else { throw PollError("connect: \(errnoText(errno))") }
        let sock = BeanstalkSocket(fd: fd)  // closes fd on every failure path below
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return sock }
        guard errno == EINPROGRESS else { throw PollError("connect: \(errnoText(errno))") }
        var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        while true {
            let n = poll(&pfd, 1, milliseconds(until: deadline))
            if n > 0 { break }
            if n == 0 { throw PollError("connect: timed out") }
            if errno != EINTR { throw PollError("connect: \(errnoText(errno))") }
        }
        var soError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length) == 0 else { throw PollError("connect: \(errnoText(errno))") }
        guard soError == 0 else { throw PollError("connect: \(errnoText(soError))") }
        return sock
    }

    /// Writes `request` (any number of pipelined commands) and reads until `replyCount` replies
    /// are decoded, reading while writing so neither side's buffers fill up and stall.
    func roundTrip(_ request: [UInt8], replyCount: Int, parser: inout BeanstalkReplyParser,
                   deadline: ContinuousClock.Instant) throws(PollError) -> [BeanstalkReply] {
        var replies: [BeanstalkReply] = []
        replies.reserveCapacity(min(replyCount, 1 << 12))
        var written = 0
        while replies.count < replyCount {
            let wantWrite = written < request.count
            var pfd = pollfd(fd: fd, events: Int16(POLLIN) | (wantWrite ? Int16(POLLOUT) : 0), revents: 0)
            let rc = poll(&pfd, 1, Self.milliseconds(until: deadline))
            if rc == 0 { throw PollError("no reply before the deadline (\(replies.count) of \(replyCount) replies read)") }
            if rc < 0 {
                if errno == EINTR { continue }
                throw PollError("poll: \(Self.errnoText(errno))")
            }
            if wantWrite && pfd.revents & Int16(POLLOUT) != 0 {
                let n = request.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return send(fd, base + written, raw.count - written, Int32(MSG_NOSIGNAL))
                }
                if n > 0 {
                    written += n
                } else if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                    throw PollError("write: \(Self.errnoText(errno))")
                }
            }
            if pfd.revents & (Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)) != 0 {
                let n = readBuffer.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, 0) }
                if n == 0 { throw PollError("the server closed the connection (\(replies.count) of \(replyCount) replies read)") }
                if n < 0 {
                    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                    throw PollError("read: \(Self.errnoText(errno))")
                }
                try parser.feed(readBuffer[0..<n])
                while replies.count < replyCount, let reply = try parser.next() { replies.append(reply) }
            }
        }
        if parser.hasBufferedBytes { throw PollError("the server sent more replies than commands") }
        return replies
    }

    /// Milliseconds left for `poll`, rounded up; 0 once the deadline has passed.
    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let left = deadline - .now
        guard left > .zero else { return 0 }
        let (s, atto) = left.components
        let ms = s * 1000 + (atto + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(ms, Int64(Int32.max)))
    }

    static func errnoText(_ code: Int32) -> String {
        guard let p = strerror(code) else { return "errno \(code)" }
        return String(cString: p)
    }
}
