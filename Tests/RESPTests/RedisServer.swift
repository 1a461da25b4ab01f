import Foundation
import Glibc
@testable import RESP

/// A real `redis-server` started on a free 127.0.0.1 port for one test, and killed afterwards.
final class RedisServer: @unchecked Sendable {
    // @unchecked: `process` is only touched by the test that owns this server, sequentially.
    static let executable: String? = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { executable != nil }

    let port: Int
    let password: String?
    private var process: Process?

    /// Starts a server; `port` reuses a port (to restart a killed server), otherwise a free one is picked.
    init(password: String? = nil, port: Int? = nil) throws {
        self.password = password
        var lastError: Error = RedisServerError.notStarted("no attempt")
        for _ in 0..<5 {
            let candidate = try port ?? Self.freePort()
            do {
                process = try Self.launch(port: candidate, password: password)
                self.port = candidate
                return
            } catch {
                lastError = error
                if port != nil { Thread.sleep(forTimeInterval: 0.2) }
            }
        }
        throw lastError
    }

    deinit { kill() }

    var url: String { "redis://127.0.0.1:\(port)" }

    func endpoint(database: Int = 0, username: String? = nil, password: String? = nil) -> RedisEndpoint {
        RedisEndpoint(host: "127.0.0.1", port: port, username: username, password: password, database: database)
    }

    /// SIGKILL, as a crashed or OOM-killed server would die.
    func kill() {
        guard let p = process else { return }
        if p.isRunning { Glibc.kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        process = nil
    }

    private static func launch(port: Int, password: String?) throws -> Process {
        guard let executable else { throw RedisServerError.notStarted("redis-server not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        var args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--dir", NSTemporaryDirectory()]
        if let password { args += ["--requirepass", password] }
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait (bounded) until it answers PING (or NOAUTH, which is an answer too).
        let probe = RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: port),
                                    options: .init(connectTimeout: 0.5, roundTripTimeout: 1))
        for _ in 0..<100 {
            if !p.isRunning { throw RedisServerError.notStarted("redis-server exited (port \(port) taken?)") }
            if (try? probe.pipelineSync([["PING"]])) != nil { return p }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Glibc.kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        throw RedisServerError.notStarted("redis-server did not answer within 5s")
    }

    /// A port nothing listens on right now (bound then released by the kernel's ephemeral choice).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RedisServerError.notStarted("socket failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0 else { throw RedisServerError.notStarted("bind failed") }
        let named = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        guard named == 0 else { throw RedisServerError.notStarted("getsockname failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

enum RedisServerError: Error {
    case notStarted(String)
}
