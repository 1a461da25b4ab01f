import Foundation
import Glibc
import Synchronization

/// A real HTTP/1.1 server on loopback that the client tests talk to: one thread accepts, one thread per
/// connection serves requests in order (keep-alive), and each path picks a behaviour from
/// `TestServer+Routes.swift`, including the fault cases (hangs, resets, garbage, drips).
final class TestServer: Sendable {
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [(String, String)]
        var body: [UInt8]
        var connection: Int

        var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

        func query(_ name: String) -> String? {
            guard let q = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
            for pair in q.split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.first.map(String.init) == name { return kv.count > 1 ? String(kv[1]) : "" }
            }
            return nil
        }

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    private struct State {
        var stopped = false
        var connections = 0
        var requests = 0
        var clientFDs: Set<Int32> = []
    }

    let port: Int
    let host: String
    private let listenFD: Int32
    private let state = Mutex(State())

    /// Listens on 127.0.0.1 (or ::1) on a free port.
    init(ipv6: Bool = false) throws {
        let family = ipv6 ? AF_INET6 : AF_INET
        let fd = socket(family, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestServerError("socket: \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var storage = sockaddr_storage()
        var len: socklen_t
        if ipv6 {
            len = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                let a = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self)
                a.pointee.sin6_family = sa_family_t(AF_INET6)
                a.pointee.sin6_addr = in6addr_loopback
            }
        } else {
            len = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { raw in
                let a = raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self)
                a.pointee.sin_family = sa_family_t(AF_INET)
                a.pointee.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            }
        }
        let bound = withUnsafePointer(to: &storage) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { close(fd); throw TestServerError("bind/listen: \(errno)") }
        var actual = sockaddr_storage()
        var alen = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &alen) }
        }
        let p: UInt16 = withUnsafeBytes(of: &actual) { raw in
            ipv6 ? raw.load(as: sockaddr_in6.self).sin6_port : raw.load(as: sockaddr_in.self).sin_port
        }
        port = Int(UInt16(bigEndian: p))
        host = ipv6 ? "[::1]" : "127.0.0.1"
        listenFD = fd
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

    /// Number of TCP connections accepted so far.
    var connectionCount: Int { state.withLock { $0.connections } }
    var requestCount: Int { state.withLock { $0.requests } }

    /// Stops accepting and closes every open connection.
    func stop() {
        let fds: Set<Int32>? = state.withLock { s in
            if s.stopped { return nil }
            s.stopped = true
            return s.clientFDs
        }
        guard let fds else { return }
        shutdown(listenFD, Int32(SHUT_RDWR))
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let c = accept(listenFD, nil, nil)
            if c < 0 {
                if errno == EINTR { continue }
                break
            }
            let n: Int? = state.withLock { s in
                if s.stopped { return nil }
                s.connections += 1
                s.clientFDs.insert(c)
                return s.connections
            }
            guard let n else { close(c); break }
            var tv = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            let t = Thread { [self] in
                self.serve(c, connection: n)
                _ = self.state.withLock { $0.clientFDs.remove(c) }
                close(c)
            }
            t.start()
        }
        close(listenFD)
    }

    private func serve(_ fd: Int32, connection: Int) {
        var buffer: [UInt8] = []
        while true {
            guard let request = TestServer.readRequest(fd, buffer: &buffer, connection: connection) else { return }
            state.withLock { $0.requests += 1 }
            if !TestServer.respond(to: request, fd: fd) { return }
        }
    }

    /// Reads one request (head and Content-Length body); nil on EOF or error.
    static func readRequest(_ fd: Int32, buffer: inout [UInt8], connection: Int) -> Request? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        func fill() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            if buffer.count >= 4 {
                for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
                    headEnd = i + 4
                    break
                }
            }
            if headEnd == nil && !fill() { return nil }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: buffer[0..<(end - 4)], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [(String, String)] = []
        for l in lines {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers.append((String(l[..<colon]), l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        while buffer.count < end + length { if !fill() { return nil } }
        let body = Array(buffer[end..<(end + length)])
        buffer.removeFirst(end + length)
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body, connection: connection)
    }

    /// Writes all bytes; false when the peer is gone.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + off, bytes.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    static func writeAll(_ fd: Int32, _ text: String) -> Bool { writeAll(fd, Array(text.utf8)) }

    /// Waits (bounded) until the peer closes the connection.
    static func waitForClose(_ fd: Int32, seconds: Int) {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var scratch = [UInt8](repeating: 0, count: 4096)
        let end = Date().addingTimeInterval(Double(seconds))
        while Date() < end {
            if poll(&p, 1, 100) > 0 {
                let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
            }
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A loopback port that nothing listens on (bound, then closed).
func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { p in p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { p in p.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    close(fd)
    return Int(UInt16(bigEndian: addr.sin_port))
}
