import Glibc

/// Thin wrappers over the socket calls the event loop makes: non-blocking TCP sockets, pending
/// connect errors, liveness checks on idle connections, and Go-style lower-case errno texts.
enum PosixSocket {
    /// A non-blocking, close-on-exec TCP socket with `TCP_NODELAY`, or the errno negated.
    static func open(family: Int32) -> Int32 {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        if fd < 0 { return -errno }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    enum ConnectResult {
        case connected
        case inProgress
        case failed(Int32)
    }

    static func connect(_ fd: Int32, to address: SocketAddress) -> ConnectResult {
        var storage = address.storage
        let rc = withUnsafePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, address.length) }
        }
        if rc == 0 { return .connected }
        let e = errno
        return e == EINPROGRESS || e == EINTR ? .inProgress : .failed(e)
    }

    /// `SO_ERROR` after a non-blocking connect: 0 when connected.
    static func pendingError(_ fd: Int32) -> Int32 {
        var err: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 { return errno }
        return err
    }

    /// Whether an idle kept-alive connection is still usable: no EOF and no unexpected bytes waiting.
    static func isIdleAlive(_ fd: Int32) -> Bool {
        var b: UInt8 = 0
        let n = recv(fd, &b, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    /// `127.0.0.1:40000->127.0.0.1:9100` as Go prints a connection in errors.
    static func connectionText(_ fd: Int32, remote: String) -> String {
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let rc = withUnsafeMutablePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard rc == 0 else { return remote }
        let local = withUnsafePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { SocketAddress(copying: $0, length: len) }
        }
        return local.text + "->" + remote
    }

    /// `connection refused`: strerror with a lower-case first letter, as Go's syscall errors read.
    static func describe(_ e: Int32) -> String {
        let s = String(cString: strerror(e))
        guard let first = s.first else { return "errno \(e)" }
        return first.lowercased() + s.dropFirst()
    }
}
