import Foundation
import Glibc
import HTTP

/// Debian's real RabbitMQ (3.10 in bookworm) with the management plugin, run straight from
/// `/usr/lib/rabbitmq/bin/rabbitmq-server` in its own process group on free 127.0.0.1 ports,
/// with its data, logs, node name, Erlang distribution port and its own `epmd` all private to
/// the test, and statistics every 500 ms instead of 5 s. Killed (group and epmd) afterwards.
///
/// Debian's `/usr/sbin/rabbitmq-server` wrapper would `su` to the `rabbitmq` user into a new
/// session, out of reach of a process-group kill; the real script under it runs fine as root
/// with a private `HOME` (for the Erlang cookie).
final class RabbitMQServer: @unchecked Sendable {
    // @unchecked: `pid` is only touched by the test that owns the server, sequentially.
    static let script = BrokerTestSupport.executable(["/usr/lib/rabbitmq/bin/rabbitmq-server"])
    static let python = BrokerTestSupport.executable(["/usr/bin/python3"])

    /// Both the server and Debian's `python3-pika` (to publish and consume over AMQP).
    static var available: Bool {
        guard script != nil, let python else { return false }
        return run([python, "-c", "import pika"]) == 0
    }

    let amqpPort: Int
    let managementPort: Int
    let epmdPort: Int
    let folder: URL
    private var pid: pid_t = 0

    init() async throws {
        guard let script = Self.script else { throw BrokerServerError("rabbitmq-server is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-rabbitmq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        amqpPort = BrokerTestSupport.freePort()
        managementPort = BrokerTestSupport.freePort()
        epmdPort = BrokerTestSupport.freePort()
        let distPort = BrokerTestSupport.freePort()
        let f = folder.path
        try "[rabbitmq_management].\n".write(toFile: "\(f)/enabled_plugins", atomically: true, encoding: .utf8)
        try """
            listeners.tcp.default = 127.0.0.1:\(amqpPort)
            management.tcp.ip = 127.0.0.1
            management.tcp.port = \(managementPort)
            collect_statistics_interval = 500
            management.rates_mode = basic
            log.console = true
            log.console.level = warning
            log.file = false

            """.write(toFile: "\(f)/rabbitmq.conf", atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        let settings = [
            "HOME": f, "RABBITMQ_MNESIA_BASE": "\(f)/mnesia", "RABBITMQ_LOG_BASE": "\(f)/log",
            "RABBITMQ_NODENAME": "vigil\(managementPort)@localhost", "RABBITMQ_ENABLED_PLUGINS_FILE": "\(f)/enabled_plugins",
            "RABBITMQ_CONFIG_FILE": "\(f)/rabbitmq.conf", "RABBITMQ_ADVANCED_CONFIG_FILE": "\(f)/advanced.config",
            "RABBITMQ_CONF_ENV_FILE": "\(f)/rabbitmq-env.conf", "RABBITMQ_PID_FILE": "\(f)/pid",
            "RABBITMQ_DIST_PORT": String(distPort), "ERL_EPMD_PORT": String(epmdPort),
        ]
        env.merge(settings) { _, new in new }
        pid = try Self.spawn([script], environment: env, output: "\(f)/server.log")
        let client = HTTPClient()
        let up = await BrokerTestSupport.waitUntil(seconds: 90, step: 0.5) {
            guard self.isRunning else { return true }
            var request = try? HTTPRequest.get("http://127.0.0.1:\(self.managementPort)/api/overview")
            request?.authorization = .basic(username: "guest", password: "guest")
            guard let request, let r = try? await client.send(request, timeout: .seconds(2), bodyLimit: 1 << 20) else { return false }
            return r.status == 200
        }
        guard up, isRunning else {
            let log = (try? String(contentsOfFile: "\(f)/server.log", encoding: .utf8)) ?? ""
            stop()
            throw BrokerServerError("RabbitMQ did not start within 90 s: \(log.suffix(2000))")
        }
    }

    deinit { stop() }

    private var isRunning: Bool {
        guard pid > 0 else { return false }
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    func stop() {
        if pid > 0 {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            pid = 0
        }
        // Our private epmd daemonized out of the group; stop it through its own port.
        if let epmd = Self.executable(["/usr/lib/erlang/bin/epmd", "/usr/bin/epmd"]) {
            var env = ProcessInfo.processInfo.environment
            env["ERL_EPMD_PORT"] = String(epmdPort)
            // epmd refuses `-kill` while the dead node is still registered: retry, bounded.
            for _ in 0..<50 {
                Self.run([epmd, "-port", String(epmdPort), "-kill"], environment: env)
                if Self.run([epmd, "-port", String(epmdPort), "-names"], environment: env) != 0 { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    var managementURL: String { "http://127.0.0.1:\(managementPort)" }

    /// Runs `script` (Python using pika) with `args`, killed after 30 s; returns its exit status.
    @discardableResult
    func python(_ script: String, _ args: [String] = []) -> Int32 {
        guard let python = Self.python else { return -1 }
        return Self.run(["/usr/bin/timeout", "30", python, "-c", script, String(amqpPort)] + args)
    }

    /// Starts `script` in the background (a consumer that holds messages); killed by `stopBackground`.
    func backgroundPython(_ script: String, _ args: [String] = []) throws -> pid_t {
        guard let python = Self.python else { throw BrokerServerError("no python3") }
        return try Self.spawn([python, "-c", script, String(amqpPort)] + args, environment: ProcessInfo.processInfo.environment,
                              output: "/dev/null")
    }

    static func stopBackground(_ pid: pid_t) {
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// `rabbitmqctl version` would need the cookie dance; the package version says the same.
    static func version() -> String {
        guard let dir = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/rabbitmq/lib") else { return "unknown" }
        return dir.first { $0.hasPrefix("rabbitmq_server-") }.map { "RabbitMQ " + $0.dropFirst("rabbitmq_server-".count) } ?? "unknown"
    }

    private static func executable(_ candidates: [String]) -> String? { BrokerTestSupport.executable(candidates) }

    /// posix_spawn in a new process group, stdout and stderr to `output`.
    static func spawn(_ argv: [String], environment: [String: String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in args { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, &args, &envp)
        guard rc == 0 else { throw BrokerServerError("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Runs a program to completion (bounded by the program itself), returns its status.
    @discardableResult
    static func run(_ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        guard let pid = try? spawn(argv, environment: environment, output: "/dev/null") else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
