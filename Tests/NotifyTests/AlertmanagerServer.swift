import Foundation
import Glibc
import HTTP
import Synchronization

/// Debian's real `prometheus-alertmanager` on a free 127.0.0.1 port with clustering off, its
/// storage in a temporary folder, optionally routing every alert to a webhook (group wait and
/// interval of one second, resolved notifications on). `stop` and `start` restart it on the
/// same port and storage, as an operator's restart would.
final class AlertmanagerServer: Sendable {
    static let executable = "/usr/bin/prometheus-alertmanager"
    static let amtool = "/usr/bin/amtool"
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    let port: Int
    let folder: String
    private let process = Mutex<Process?>(nil)
    private let client = HTTPClient()

    /// An alert as `GET /api/v2/alerts` shows it.
    struct Alert: Sendable {
        var labels: [String: String]
        var annotations: [String: String]
        var startsAt: String
        var endsAt: String
        var generatorURL: String
        var fingerprint: String
        var state: String
        var silencedBy: [String]
    }

    /// `port`: reuse a port (to bring an Alertmanager up where notifiers already point).
    init(webhook: String? = nil, port: Int? = nil, start: Bool = true) async throws {
        folder = TestSupport.temporaryDirectory("am")
        var config = """
            route:
              receiver: hook
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
            - name: hook

            """
        if let webhook {
            config += "  webhook_configs:\n  - url: \(webhook)\n    send_resolved: true\n"
        }
        try config.write(toFile: folder + "/alertmanager.yml", atomically: true, encoding: .utf8)
        self.port = port ?? TestSupport.freePort()
        if start { try await self.start() }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func start() async throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.executable)
        p.arguments = ["--config.file=\(folder)/alertmanager.yml", "--storage.path=\(folder)/data",
                       "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=",
                       "--log.level=warn"]
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: folder + "/am.log", contents: nil)
        p.standardError = FileHandle(forWritingAtPath: folder + "/am.log") ?? FileHandle.nullDevice
        try p.run()
        process.withLock { $0 = p }
        let ready = await TestSupport.eventually(timeout: .seconds(30)) {
            guard p.isRunning else { return true }
            return (try? await client.get(url + "/-/ready", timeout: .seconds(2), bodyLimit: 1 << 20))?.status == 200
        }
        guard ready, p.isRunning else {
            stop()
            throw ServerError("alertmanager did not start on port \(port)")
        }
    }

    /// Stops it (SIGTERM, as systemd would; SIGKILL if it lingers) and waits for the exit.
    func stop() {
        guard let p = process.withLock({ p -> Process? in defer { p = nil }; return p }) else { return }
        if p.isRunning { kill(p.processIdentifier, SIGTERM) }
        for _ in 0..<500 where p.isRunning { usleep(10_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
    }

    func alerts() async throws -> [Alert] {
        let r = try await client.get(url + "/api/v2/alerts", timeout: .seconds(10), bodyLimit: 16 << 20)
        guard r.status == 200, let list = TestSupport.json(String(decoding: r.body, as: UTF8.self)) as? [[String: Any]] else {
            throw ServerError("GET /api/v2/alerts: \(r.status)")
        }
        return list.map { o in
            let status = o["status"] as? [String: Any] ?? [:]
            return Alert(labels: o["labels"] as? [String: String] ?? [:], annotations: o["annotations"] as? [String: String] ?? [:],
                         startsAt: o["startsAt"] as? String ?? "", endsAt: o["endsAt"] as? String ?? "",
                         generatorURL: o["generatorURL"] as? String ?? "", fingerprint: o["fingerprint"] as? String ?? "",
                         state: status["state"] as? String ?? "", silencedBy: status["silencedBy"] as? [String] ?? [])
        }
    }

    /// The sum of the samples of `name` whose label text contains `matching` (from `/metrics`).
    func metric(_ name: String, matching: String = "") async -> Double? {
        guard let r = try? await client.get(url + "/metrics", timeout: .seconds(10), bodyLimit: 16 << 20) else { return nil }
        var total: Double?
        for line in String(decoding: r.body, as: UTF8.self).split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            guard line.contains(matching), let v = line.split(separator: " ").last.flatMap({ Double($0) }) else { continue }
            total = (total ?? 0) + v
        }
        return total
    }

    /// `amtool <args> --alertmanager.url=<url> -o json`, parsed.
    func amtool(_ args: [String]) async -> Any? {
        let r = await TestSupport.run(Self.amtool, args + ["--alertmanager.url=\(url)", "-o", "json"])
        return r.status == 0 ? TestSupport.json(r.output) : nil
    }
}
