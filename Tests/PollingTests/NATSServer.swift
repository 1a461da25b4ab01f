import Foundation
import Glibc

/// Debian's real `nats-server` with JetStream on free 127.0.0.1 ports (client and monitoring),
/// its store in a temporary folder; killed and cleaned up afterwards.
final class NATSServer: @unchecked Sendable {
    // @unchecked: `process` is only touched by the test that owns the server, sequentially.
    static let executable = BrokerTestSupport.executable(["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"])

    let port: Int
    let monitorPort: Int
    private let folder: URL
    private var process: Process?

    /// `accounts`: account names (each with JetStream and one user `NAME`/`NAME`); empty runs
    /// the default account. `jetStream: false` starts a server without JetStream.
    init(jetStream: Bool = true, accounts: [String] = []) throws {
        guard let executable = Self.executable else { throw BrokerServerError("nats-server is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-nats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var last = BrokerServerError("not started")
        for _ in 0..<5 {
            let port = BrokerTestSupport.freePort(), monitorPort = BrokerTestSupport.freePort()
            var config = "listen: 127.0.0.1:\(port)\nhttp: 127.0.0.1:\(monitorPort)\n"
            if jetStream { config += "jetstream { store_dir: \"\(folder.path)/js\" }\n" }
            if !accounts.isEmpty {
                config += "accounts {\n" + accounts.map { "  \($0) { jetstream: enabled, users: [{user: \($0), password: \($0)}] }\n" }.joined() + "}\n"
            }
            let file = folder.appendingPathComponent("nats.conf")
            try config.write(to: file, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = ["-c", file.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<100 where p.isRunning {
                if Self.answers(monitorPort) {
                    self.port = port
                    self.monitorPort = monitorPort
                    process = p
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            last = BrokerServerError("nats-server did not start on ports \(port)/\(monitorPort)")
        }
        try? FileManager.default.removeItem(at: folder)
        throw last
    }

    deinit { stop() }

    func stop() {
        if let p = process {
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            process = nil
        }
        try? FileManager.default.removeItem(at: folder)
    }

    var monitorURL: String { "http://127.0.0.1:\(monitorPort)" }

    /// True once `/healthz` answers 200-ish (a plain TCP probe of the monitoring port).
    private static func answers(_ port: Int) -> Bool {
        guard let client = try? NATSTestClient.rawConnect(port: port) else { return false }
        close(client)
        return true
    }

    static func version() -> String {
        guard let executable else { return "absent" }
        let p = Process()
        let pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["--version"]
        p.standardOutput = pipe
        p.standardError = pipe
        guard (try? p.run()) != nil else { return "unknown" }
        p.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
