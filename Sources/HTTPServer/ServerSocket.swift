import Glibc

/// The socket calls of the server: listening sockets bound to `HOST:PORT`, non-blocking accept,
/// receive and send (never raising SIGPIPE), and addresses as text.
enum ServerSocket {
    enum IOResult {
        case done(Int)
        case wouldBlock
        case closed
        case failed(Int32)
    }

    /// A bound, listening, non-blocking socket for `address`, and the address it got.
    static func listen(_ spec: ListenAddress, backlog: Int32 = 511) throws(HTTPServerError) -> (fd: Int32, address: HTTPServerAddress) {
        var lastError = HTTPServerError("listen tcp \(spec.text): no addresses")
        for candidate in try spec.resolve() {
            let fd = socket(candidate.family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
            if fd < 0 {
                lastError = HTTPServerError("listen tcp \(spec.text): socket: \(describe(errno))")
                continue
            }
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            if candidate.family == AF_INET6 {
                // `[::]:port` serves IPv4 too, as Go's `:port` does.
                var zero: Int32 = 0
                _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &zero, socklen_t(MemoryLayout<Int32>.size))
            }
            var storage = candidate.storage
            let rc = withUnsafePointer(to: &storage) { p in
                p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, candidate.length) }
            }
            if rc != 0 {
                lastError = HTTPServerError("listen tcp \(spec.text): bind: \(describe(errno))")
                close(fd)
                continue
            }
            if Glibc.listen(fd, backlog) != 0 {
                lastError = HTTPServerError("listen tcp \(spec.text): listen: \(describe(errno))")
                close(fd)
                continue
            }
            guard let bound = localAddress(fd) else {
                lastError = HTTPServerError("listen tcp \(spec.text): getsockname: \(describe(errno))")
                close(fd)
                continue
            }
            return (fd, bound)
        }
        throw lastError
    }

    /// A new connection (non-blocking, close-on-exec, `TCP_NODELAY`) and its peer's address.
    static func accept(_ listener: Int32) -> (fd: Int32, peer: String)? {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &len) }
        }
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return (fd, address(storage)?.description ?? "?")
    }

    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> IOResult {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { return .done(n) }
        if n == 0 { return .closed }
        let e = errno
        return e == EAGAIN || e == EWOULDBLOCK || e == EINTR ? .wouldBlock : .failed(e)
    }

    static func send(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> IOResult {
        guard offset < bytes.count else { return .done(0) }
        let n = bytes.withUnsafeBytes { raw in
            Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        }
        if n >= 0 { return .done(n) }
        let e = errno
        return e == EAGAIN || e == EWOULDBLOCK || e == EINTR ? .wouldBlock : .failed(e)
    }

    static func localAddress(_ fd: Int32) -> HTTPServerAddress? {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return rc == 0 ? address(storage) : nil
    }

    static func address(_ storage: sockaddr_storage) -> HTTPServerAddress? {
        var s = storage
        return withUnsafeBytes(of: &s) { raw -> HTTPServerAddress? in
            guard let base = raw.baseAddress else { return nil }
            var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            if Int32(storage.ss_family) == AF_INET {
                var a = base.assumingMemoryBound(to: sockaddr_in.self).pointee
                inet_ntop(AF_INET, &a.sin_addr, &buf, socklen_t(buf.count))
                return HTTPServerAddress(host: text(buf), port: Int(UInt16(bigEndian: a.sin_port)))
            }
            if Int32(storage.ss_family) == AF_INET6 {
                var a = base.assumingMemoryBound(to: sockaddr_in6.self).pointee
                inet_ntop(AF_INET6, &a.sin6_addr, &buf, socklen_t(buf.count))
                return HTTPServerAddress(host: text(buf), port: Int(UInt16(bigEndian: a.sin6_port)))
            }
            return nil
        }
    }

    private static func text(_ buf: [CChar]) -> String {
        String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `address already in use`: strerror with a lower-case first letter, as Go's errors read.
    static func describe(_ e: Int32) -> String {
        let s = String(cString: strerror(e))
        guard let first = s.first else { return "errno \(e)" }
        return first.lowercased() + s.dropFirst()
    }
}
