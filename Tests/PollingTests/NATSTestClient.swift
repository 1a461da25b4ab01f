import Foundation
import Glibc

/// A test-only NATS client over the real text protocol (`CONNECT`, `SUB`, `PUB`, `MSG`,
/// `PING`/`PONG`), with JetStream API requests (`$JS.API.…`) as request/reply on an inbox.
/// Blocking, with a 5 s receive timeout; enough to create streams and consumers, publish, and
/// pull messages so the monitoring endpoint has real state to report.
final class NATSTestClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let inbox = "_INBOX.vigil\(UInt32.random(in: 0...UInt32.max))"

    init(port: Int, user: String? = nil) throws {
        fd = try Self.rawConnect(port: port)
        let info = try readLine()
        guard info.hasPrefix("INFO ") else { throw BrokerServerError("not a NATS server: \(info.prefix(40))") }
        var connect = #"{"verbose":false,"pedantic":false,"headers":true,"name":"vigil-test""#
        if let user { connect += #","user":"\#(user)","pass":"\#(user)""# }
        try write("CONNECT \(connect)}\r\nPING\r\n")
        let pong = try readControl()
        guard pong == "PONG" else { throw BrokerServerError("CONNECT refused: \(pong)") }
        try write("SUB \(inbox).* 1\r\n")
    }

    deinit { close(fd) }

    static func rawConnect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
        return fd
    }

    /// A JetStream API request (or a JetStream publish): sends `payload` with a reply inbox
    /// and returns the reply's payload.
    @discardableResult
    func request(_ subject: String, _ payload: String) throws -> String {
        let reply = "\(inbox).\(UInt32.random(in: 0...UInt32.max))"
        try publish(subject, payload, reply: reply)
        while true {
            let m = try readMessage()
            if m.subject == reply {
                if m.payload.contains(#""error""#) { throw BrokerServerError("\(subject): \(m.payload)") }
                return m.payload
            }
        }
    }

    func publish(_ subject: String, _ payload: String, reply: String? = nil) throws {
        let bytes = payload.utf8.count
        try write("PUB \(subject)\(reply.map { " " + $0 } ?? "") \(bytes)\r\n\(payload)\r\n")
    }

    /// Pulls up to `batch` messages from a pull consumer; returns their ack subjects.
    func fetch(stream: String, consumer: String, batch: Int) throws -> [String] {
        let reply = "\(inbox).fetch\(UInt32.random(in: 0...UInt32.max))"
        try publish("$JS.API.CONSUMER.MSG.NEXT.\(stream).\(consumer)", #"{"batch":\#(batch),"no_wait":true}"#, reply: reply)
        var acks: [String] = []
        while acks.count < batch {
            // Pulled messages keep their own subject but arrive on our inbox subscription.
            let m = try readMessage()
            if let ack = m.reply, ack.hasPrefix("$JS.ACK.") { acks.append(ack) } else if m.subject == reply { break }
        }
        return acks
    }

    func ack(_ ackSubject: String) throws {
        try publish(ackSubject, "")
        try write("PING\r\n")
        _ = try readControl()  // the PONG: the ack was processed in order
    }

    private struct Message {
        var subject: String
        var reply: String?
        var payload: String
    }

    private func readMessage() throws -> Message {
        while true {
            let line = try readLine()
            if line == "PING" { try write("PONG\r\n"); continue }
            if line.hasPrefix("-ERR") { throw BrokerServerError(line) }
            let parts = line.split(separator: " ").map(String.init)
            if parts.first == "MSG", parts.count == 4 || parts.count == 5, let size = Int(parts.last ?? "") {
                let payload = try readBytes(size + 2)
                return Message(subject: parts[1], reply: parts.count == 5 ? parts[3] : nil,
                               payload: String(decoding: payload.dropLast(2), as: UTF8.self))
            }
            if parts.first == "HMSG", parts.count >= 5, let total = Int(parts.last ?? "") {
                _ = try readBytes(total + 2)  // a status (e.g. 404 No Messages) with headers only
                return Message(subject: parts[1], reply: nil, payload: "")
            }
        }
    }

    /// The next control line (`PONG`, `-ERR …`), skipping `+OK`, `INFO` and answering `PING`.
    private func readControl() throws -> String {
        while true {
            let line = try readLine()
            if line == "PING" { try write("PONG\r\n"); continue }
            if line == "+OK" || line.hasPrefix("INFO ") { continue }
            return line
        }
    }

    private func write(_ s: String) throws {
        let bytes = Array(s.utf8)
        guard send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw BrokerServerError("send failed") }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
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
