import Foundation
import Glibc
@testable import Polling
import RESP

/// A real `redis-server` on a free 127.0.0.1 port for one test, killed when the test lets go of it;
/// plus the real job libraries' clients (Python, Ruby) run against it with a time limit.
final class RedisTestServer: @unchecked Sendable {
    // @unchecked: `process` is only touched by the one test that owns this server, sequentially.
    static let executable: String? = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let python = "/usr/bin/python3"
    static let ruby = "/usr/bin/ruby"

    let port: Int
    private var process: Process?

    /// A server, or nil (with a printed note) when redis-server is not installed. Starting it
    /// blocks (waiting for PING), so it runs off the cooperative pool.
    static func start(password: String? = nil, _ test: String = #function) async throws -> RedisTestServer? {
        guard executable != nil else {
            print("note: \(test) skipped: redis-server is not installed (apt-get install redis-server)")
            return nil
        }
        return try await offPool { try RedisTestServer(password: password) }
    }

    /// Runs blocking work (process launches, waits) on a thread of its own, so tests never hold
    /// the cooperative pool (nor Dispatch's worker threads, which it shares on Linux).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            Thread { c.resume(with: Result { try work() }) }.start()
        }
    }

    private init(password: String?) throws {
        var lastError: Error = Failure("no attempt")
        for _ in 0..<5 {
            let candidate = try Self.freePort()
            do {
                process = try Self.launch(port: candidate, password: password)
                port = candidate
                return
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    deinit { kill() }

    var endpoint: RedisEndpoint { RedisEndpoint(host: "127.0.0.1", port: port) }
    var url: String { "redis://127.0.0.1:\(port)" }

    /// A client of our own, for plain keys and checks.
    func client(password: String? = nil) -> RedisConnection {
        RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: port, password: password),
                        options: .init(connectTimeout: 2, roundTripTimeout: 5))
    }

    func kill() {
        guard let p = process else { return }
        if p.isRunning { Glibc.kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        process = nil
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    enum Outcome: Sendable { case done(String), skipped(String) }

    /// Runs a Python script with the server's port as `sys.argv[1]`, at most `seconds`. A script
    /// that cannot import its library exits 77: the test is skipped with a note.
    func python(_ script: String, seconds: Double = 30) async throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else { return .skipped("\(Self.python) is not installed") }
        let guarded = """
        import sys
        try:
        \(Self.indented(Self.imports(script)))
        except ImportError as e:
            print(e, file=sys.stderr); sys.exit(77)
        \(script)
        """
        let argv = [Self.python, "-c", guarded, String(port)]
        return try await Self.offPool { try Self.run(argv, seconds: seconds) }
    }

    /// Runs a Ruby script with the server's port as `ARGV[0]`; 77 when its gems are missing.
    func ruby(_ script: String, seconds: Double = 30) async throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: Self.ruby) else { return .skipped("\(Self.ruby) is not installed") }
        let guarded = "begin\n  require 'sidekiq'\nrescue LoadError => e\n  warn e.message\n  exit 77\nend\n" + script
        let argv = [Self.ruby, "-e", guarded, String(port)]
        return try await Self.offPool { try Self.run(argv, seconds: seconds) }
    }

    private static func run(_ argv: [String], seconds: Double) throws -> Outcome {
        var env = ProcessInfo.processInfo.environment
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        let result = try ChildProcess.run(argv, deadline: .now + .milliseconds(Int(seconds * 1000)), outputLimit: 1 << 20,
                                          environment: env)
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        if result.status == 77 { return .skipped("library missing: \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))") }
        guard result.status == 0 else { throw Failure("\(argv[0]) exited \(result.status): \(stderr)\(stdout)") }
        return .done(stdout)
    }

    /// The `import`/`from` lines of a script, to try before running it.
    private static func imports(_ script: String) -> String {
        let lines = script.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("from ") }
        return lines.isEmpty ? "pass" : lines.joined(separator: "\n")
    }

    private static func indented(_ s: String) -> String {
        s.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    }

    private static func launch(port: Int, password: String?) throws -> Process {
        guard let executable else { throw Failure("redis-server not installed") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        var args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--daemonize", "no", "--dir", NSTemporaryDirectory()]
        if let password { args += ["--requirepass", password] }
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let probe = RedisConnection(endpoint: RedisEndpoint(host: "127.0.0.1", port: port),
                                    options: .init(connectTimeout: 0.5, roundTripTimeout: 1))
        for _ in 0..<100 {
            if !p.isRunning { throw Failure("redis-server exited (port \(port) taken?)") }
            if (try? probe.pipelineSync([["PING"]])) != nil { return p }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Glibc.kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        throw Failure("redis-server did not answer within 5s")
    }

    /// A port nothing listens on right now (picked by the kernel, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0 else { throw Failure("bind failed") }
        let named = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        guard named == 0 else { throw Failure("getsockname failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// An exposition as `series → value`, series written as in the text (`name{labels}`), for checks.
func redisSeries(_ body: [UInt8]) -> [String: Double] {
    var out: [String: Double] = [:]
    for line in String(decoding: body, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " "), let v = Double(line[line.index(after: space)...]) else { continue }
        out[String(line[..<space])] = v
    }
    return out
}
