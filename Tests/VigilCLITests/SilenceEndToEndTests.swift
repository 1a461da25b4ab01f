import Foundation
import Testing

/// `s` on a firing alert in the dashboard: the silence is shown, saved in the state folder, and
/// created in a real Alertmanager when its notifier has `create_silences: true`.
@Suite struct SilenceEndToEndTests {
    @Test func silenceFromTheDashboardReachesAlertmanager() throws {
        guard AlertmanagerProcess.available, FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
              let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-silence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try server.write("metrics", "queue_depth{queue=\"orders\"} 120\n")
        let am = try AlertmanagerProcess(folder: dir.appendingPathComponent("am"))
        defer { am.stop() }
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
              - {kind: alertmanager, url: "\(am.url)", create_silences: true}
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
        let remote = am.waitFor("/api/v2/silences", containing: "QueueBacklog")
        try tmux.send("q")
        #expect(remote.contains("\"value\":\"QueueBacklog\""))
        #expect(remote.contains("silenced in the vigil dashboard"))
        let saved = try String(contentsOf: dir.appendingPathComponent("state/silences.json"), encoding: .utf8)
        #expect(saved.contains("QueueBacklog"))
    }
}
