import Foundation
import Glibc

/// A test-only beanstalkd producer/worker speaking the protocol with blocking I/O and a 5 s
/// receive timeout: enough to put, reserve and bury jobs so the source has real state to read.
final class BeanstalkTestClient: @unchecked Sendable {
    // @unchecked: one test uses a client at a time, handing it between threads only sequentially.
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrokerServerError("socket failed") }
        var tv = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            close(fd)
            throw BrokerServerError("connect failed")
        }
    }

    deinit { close(fd) }

    /// Sends one command (and its body) and returns the reply's first line.
    @discardableResult
    func command(_ line: String, body: String? = nil) throws -> String {
        var out = Array((line + "\r\n").utf8)
        if let body { out += Array((body + "\r\n").utf8) }
        guard send(fd, out, out.count, Int32(MSG_NOSIGNAL)) == out.count else { throw BrokerServerError("send failed") }
        return try readLine()
    }

    func put(_ body: String, priority: Int = 1024, delay: Int = 0) throws -> Int {
        let reply = try command("put \(priority) \(delay) 60 \(body.utf8.count)", body: body)
        guard reply.hasPrefix("INSERTED "), let id = Int(reply.dropFirst(9)) else { throw BrokerServerError("put: \(reply)") }
        return id
    }

    /// Reserves a job; returns its id (and reads past its body).
    func reserve() throws -> Int {
        let reply = try command("reserve-with-timeout 2")
        let parts = reply.split(separator: " ")
        guard parts.count == 3, parts[0] == "RESERVED", let id = Int(parts[1]), let size = Int(parts[2]) else {
            throw BrokerServerError("reserve: \(reply)")
        }
        _ = try readBytes(size + 2)
        return id
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { throw BrokerServerError("connection closed or timed out") }
        buffer += chunk[0..<n]
    }

    private func readLine() throws -> String {
        while true {
            if let i = buffer.indices.dropLast().first(where: { buffer[$0] == 0x0D && buffer[$0 + 1] == 0x0A }) {
                let line = String(decoding: buffer[..<i], as: UTF8.self)
                buffer.removeFirst(i + 2)
                return line
            }
            try fill()
        }
    }

    private func readBytes(_ n: Int) throws -> [UInt8] {
        while buffer.count < n { try fill() }
        defer { buffer.removeFirst(n) }
        return Array(buffer[..<n])
    }
}
