import Exposition
import Foundation
import Glibc
@testable import Polling

/// Helpers the broker suites share: free loopback ports, bounded waits, a misbehaving TCP
/// server for fault cases, and reading an exposition back into samples.
enum BrokerTestSupport {
    /// A port nothing listens on right now (bound then released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0 else { return 0 }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    static func executable(_ candidates: [String]) -> String? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Polls `check` every `step` until it is true or `seconds` pass; returns the last result.
    static func waitUntil(seconds: Double, step: Double = 0.1, _ check: () async -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if await check() { return true }
            try? await Task.sleep(for: .milliseconds(Int(step * 1000)))
        }
        return await check()
    }

    struct Sample: CustomStringConvertible {
        var name: String
        var labels: [String: String]
        var value: Double
        var description: String { "\(name)\(labels.sorted { $0.key < $1.key }) \(value)" }
    }

    /// Parses a payload as Vigil's ingester would; throws on invalid exposition.
    static func samples(_ payload: PollPayload) throws -> [Sample] {
        var parser = ExpositionParser(bytes: payload.body, format: payload.format)
        var out: [Sample] = []
        while let entry = try parser.next() {
            guard case .series = entry else { continue }
            var labels: [String: String] = [:]
            for (k, v) in parser.labels() where k != "__name__" { labels[k] = v }
            out.append(Sample(name: parser.metricName, labels: labels, value: parser.value))
        }
        return out
    }

    /// The value of `name` whose labels include `match`, if exactly one sample has them.
    static func value(_ samples: [Sample], _ name: String, _ match: [String: String]) -> Double? {
        let hits = samples.filter { s in s.name == name && match.allSatisfy { s.labels[$0.key] == $0.value } }
        return hits.count == 1 ? hits[0].value : nil
    }

    /// Runs blocking work (test clients, server start and stop) on its own thread, so it never
    /// holds one of the few cooperative-pool threads other suites' timers need.
    static func offPool<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { c in
            Thread { c.resume(with: Result { try work() }) }.start()
        }
    }

    static func deadline(_ seconds: Double) -> ContinuousClock.Instant {
        .now + .milliseconds(Int(seconds * 1000))
    }
}

/// A loopback TCP server that misbehaves on purpose: answers with fixed bytes and closes, or
/// accepts and never answers. Runs on its own thread until `stop()`.
final class BrokerFaultServer: @unchecked Sendable {
    // @unchecked: `held` and `running` are guarded by `lock`; `listener` is set once in init.
    enum Behavior: Sendable {
        /// Waits for the first bytes of a request, sends `reply`, closes.
        case reply([UInt8])
        /// Accepts and keeps the connection open, silent, until the server stops.
        case hang
    }

    let port: Int
    private let listener: Int32
    private let behavior: Behavior
    private let lock = NSLock()
    private var held: [Int32] = []
    private var running = true
    private var thread: Thread?

    init(_ behavior: Behavior) throws {
        self.behavior = behavior
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard withUnsafePointer(to: &addr, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }) == 0,
              listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        let t = Thread { [self] in serve() }
        thread = t
        t.start()
    }

    deinit { stop() }

    func stop() {
        let fds: [Int32] = lock.withLock {
            guard running else { return [] }
            running = false
            defer { held = [] }
            return held
        }
        for fd in fds { close(fd) }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private var isRunning: Bool { lock.withLock { running } }

    private func serve() {
        defer { close(listener) }
        while isRunning {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            switch behavior {
            case .hang:
                let keep = lock.withLock { () -> Bool in
                    if running { held.append(client) }
                    return running
                }
                if !keep { close(client) }
            case .reply(let bytes):
                var cfd = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                _ = poll(&cfd, 1, 2000)
                var buf = [UInt8](repeating: 0, count: 65536)
                _ = recv(client, &buf, buf.count, Int32(MSG_DONTWAIT))
                var sent = 0
                while sent < bytes.count {
                    let n = bytes.withUnsafeBytes { send(client, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                    if n <= 0 { break }
                    sent += n
                }
                shutdown(client, Int32(SHUT_WR))
                // Let the peer read everything before the close turns into a reset.
                var drain = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                _ = poll(&drain, 1, 500)
                close(client)
            }
        }
    }
}
