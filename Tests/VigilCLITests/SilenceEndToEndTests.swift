import Foundation
import Testing

/// `s` on a firing alert in the dashboard: the silence is shown, saved in the state folder, and
/// created in a real Alertmanager when its notifier has `create_silences: true`.
@Suite struct SilenceEndToEndTests {
    @Test func silenceFromTheDashboardReachesAlertmanager() throws {
        let exe = "/usr/bin/prometheus-alertmanager"
        guard FileManager.default.isExecutableFile(atPath: exe), FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
              let server = try FileHTTPServer() else { return }
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-silence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("am"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try server.write("metrics", "queue_depth{queue=\"orders\"} 120\n")
        try """
            route: {receiver: none, group_wait: 1s}
            receivers: [{name: none}]
            """.write(to: dir.appendingPathComponent("am/am.yml"), atomically: true, encoding: .utf8)
        let port = Int.random(in: 40_000..<50_000)
        let am = Process()
        am.executableURL = URL(fileURLWithPath: exe)
        am.arguments = ["--config.file=\(dir.path)/am/am.yml", "--storage.path=\(dir.path)/am/data",
                        "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address=", "--log.level=warn"]
        am.standardOutput = FileHandle.nullDevice
        am.standardError = FileHandle.nullDevice
        try am.run()
        defer {
            kill(am.processIdentifier, SIGKILL)
            am.waitUntilExit()
        }
        try """
            groups:
            - name: q
              interval: 1s
              rules:
              - alert: QueueBacklog
                expr: queue_depth > 100
                labels: {severity: page}
            """.write(to: dir.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        try """
            global: {poll_interval: 1s, evaluation_interval: 1s, state_dir: \(dir.path)/state}
            rule_files: [rules.yml]
            sources: [{name: worker, url: "\(server.baseURL)/metrics"}]
            notifiers:
              - {kind: alertmanager, url: "http://127.0.0.1:\(port)", create_silences: true}
              - {kind: tui, tui: {banner: true, bell: false}}
            """.write(to: dir.appendingPathComponent("vigil.yml"), atomically: true, encoding: .utf8)
        let tmux = try TmuxSession([VigilProcess.binary.path, "--config", dir.appendingPathComponent("vigil.yml").path],
                                   width: 120, height: 40)
        _ = try tmux.waitFor(timeout: 20) { $0.contains("FIRING: QueueBacklog") }
        try tmux.send("a")
        _ = try tmux.waitFor(timeout: 5) { $0.contains("Alerts") && $0.contains("QueueBacklog") }
        try tmux.send("s")
        _ = try tmux.waitFor(timeout: 5) { $0.contains("Silence QueueBacklog for") }
        try tmux.send("Enter")
        let screen = try tmux.waitFor(timeout: 10) { $0.contains("(silenced)") }
        #expect(screen.contains("Silences"))
        var remote = ""
        for _ in 0..<50 {
            remote = (try? String(decoding: Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/api/v2/silences")!), as: UTF8.self)) ?? ""
            if remote.contains("QueueBacklog") { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        try tmux.send("q")
        #expect(remote.contains("\"value\":\"QueueBacklog\""))
        #expect(remote.contains("silenced in the vigil dashboard"))
        let saved = try String(contentsOf: dir.appendingPathComponent("state/silences.json"), encoding: .utf8)
        #expect(saved.contains("QueueBacklog"))
    }
}
