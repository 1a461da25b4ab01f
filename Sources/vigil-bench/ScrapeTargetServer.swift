import Foundation
import Glibc
import Synchronization

/// The scrape benchmark's targets: one HTTP/1.1 listener per target on 127.0.0.1, all served by one
/// `poll(2)` thread with keep-alive. Responses are rendered elsewhere (`ScrapeTargetPayloads`), so a
/// request costs a header parse and a `send` here. Every request's arrival time is recorded per target
/// and per client (told apart by `User-Agent`), which is how missed and late polls are counted.
final class ScrapeTargetServer: Sendable {
    /// Which tool sent a request.
    enum Client: Int, CaseIterable, Sendable {
        case vigil, prometheus, other

        init(userAgent: ArraySlice<UInt8>) {
            if userAgent.starts(with: Array("Vigil".utf8)) {
                self = .vigil
            } else if userAgent.starts(with: Array("Prometheus".utf8)) {
                self = .prometheus
            } else {
                self = .other
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Arrival times (monotonic nanoseconds), indexed by client then target.
    typealias Arrivals = [[[UInt64]]]

    let ports: [Int]
    private let listeners: [Int32]
    private let payloads: ScrapeTargetPayloads
    private let stopping = Atomic<Bool>(false)
    private let arrivals: Mutex<Arrivals>
    private let finished = Mutex<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    /// Opens `payloads.count` listeners on ephemeral loopback ports.
    init(payloads: ScrapeTargetPayloads) throws {
        self.payloads = payloads
        var fds: [Int32] = []
        var ports: [Int] = []
        for _ in 0..<payloads.count {
            let (fd, port) = try ScrapeTargetServer.listen()
            fds.append(fd)
            ports.append(port)
        }
        listeners = fds
        self.ports = ports
        arrivals = Mutex(Array(repeating: Array(repeating: [], count: payloads.count), count: Client.allCases.count))
    }

    deinit {
        for fd in listeners { close(fd) }
    }

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 128) == 0 else {
            let e = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "bind/listen on 127.0.0.1: \(e)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }

    /// Starts serving on a thread of its own.
    func start() {
        let thread = Thread { [self] in
            self.serve()
            self.done.signal()
        }
        thread.name = "bench-targets"
        thread.start()
    }

    /// Stops serving and closes every connection; returns once the serving thread has ended.
    func stop() {
        stopping.store(true, ordering: .releasing)
        let wait = finished.withLock { f -> Bool in
            defer { f = true }
            return !f
        }
        if wait { done.wait() }
    }

    /// Arrival times so far.
    func snapshot() -> Arrivals { arrivals.withLock { $0 } }

    private func record(_ client: Client, target: Int, at t: UInt64) {
        arrivals.withLock { $0[client.rawValue][target].append(t) }
    }

    // MARK: - The poll loop

    /// One accepted connection: its target, what came in and not yet answered, what is left to send.
    private final class Connection {
        let fd: Int32
        let target: Int
        var input: [UInt8] = []
        var output: [UInt8] = []
        var sent = 0
        var closeAfterWrite = false

        init(fd: Int32, target: Int) {
            self.fd = fd
            self.target = target
        }
    }

    private func serve() {
        var connections: [Int32: Connection] = [:]
        var set: [pollfd] = []
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer {
            scratch.deallocate()
            for fd in connections.keys { close(fd) }
        }
        while !stopping.load(ordering: .acquiring) {
            // Listeners first (index = target), then connections.
            set.removeAll(keepingCapacity: true)
            for fd in listeners { set.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            for c in connections.values {
                set.append(pollfd(fd: c.fd, events: Int16(POLLIN) | (c.sent < c.output.count ? Int16(POLLOUT) : 0), revents: 0))
            }
            let n = poll(&set, nfds_t(set.count), 100)
            if n < 0 { if errno == EINTR { continue } else { return } }
            if n == 0 { continue }
            for k in set.indices where set[k].revents != 0 {
                if k < listeners.count {
                    accept(listeners[k], target: k, into: &connections)
                    continue
                }
                let fd = set[k].fd
                guard let c = connections[fd] else { continue }
                var alive = true
                if set[k].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                    alive = readAndAnswer(c, scratch: scratch)
                }
                if alive && c.sent < c.output.count { alive = flush(c) }
                if alive { alive = !(c.closeAfterWrite && c.sent == c.output.count) }
                if !alive {
                    connections[fd] = nil
                    close(fd)
                }
            }
        }
    }

    private func accept(_ listener: Int32, target: Int, into connections: inout [Int32: Connection]) {
        while true {
            let fd = Glibc.accept(listener, nil, nil)
            if fd < 0 { return }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            connections[fd] = Connection(fd: fd, target: target)
        }
    }

    /// Reads what is there and answers every complete request head; false when the connection is done.
    private func readAndAnswer(_ c: Connection, scratch: UnsafeMutableRawBufferPointer) -> Bool {
        while true {
            let n = recv(c.fd, scratch.baseAddress, scratch.count, 0)
            if n > 0 {
                c.input.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
                if c.input.count > 64 * 1024 { return false }  // no request head is this long
                continue
            }
            if n == 0 { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            if errno == EINTR { continue }
            return false
        }
        while let end = ScrapeTargetServer.headEnd(c.input) {
            let head = c.input[0..<end]
            answer(c, head: head)
            c.input.removeFirst(end + 4)
        }
        return true
    }

    /// Index of the `\r\n\r\n` that ends the first request head.
    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }

    private func answer(_ c: Connection, head: ArraySlice<UInt8>) {
        let now = DispatchTime.now().uptimeNanoseconds
        let lines = head.split(separator: 10, omittingEmptySubsequences: false).map { $0.last == 13 ? $0.dropLast() : $0 }
        let requestLine = lines.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        var userAgent: ArraySlice<UInt8> = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            var value = line[(colon + 1)...]
            while value.first == 32 { value = value.dropFirst() }
            if name == "user-agent" { userAgent = value }
            if name == "connection", String(decoding: value, as: UTF8.self).lowercased() == "close" { c.closeAfterWrite = true }
        }
        let parts = requestLine.split(separator: " ")
        if parts.count == 3, parts[0] == "GET", parts[1] == "/metrics" {
            record(Client(userAgent: userAgent), target: c.target, at: now)
            let response = payloads.response(for: c.target)
            if c.output.isEmpty { c.output = response } else { c.output.append(contentsOf: response) }
        } else {
            let body = "not found\n"
            c.output.append(contentsOf: Array("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        }
    }

    /// Sends what it can; false on a broken connection.
    private func flush(_ c: Connection) -> Bool {
        while c.sent < c.output.count {
            let n = c.output.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(c.fd, base + c.sent, raw.count - c.sent, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                c.sent += n
                continue
            }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
            if n < 0 && errno == EINTR { continue }
            return false
        }
        c.output = []
        c.sent = 0
        return true
    }
}
