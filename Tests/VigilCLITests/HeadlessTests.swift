import Foundation
import Testing

/// `vigil run --headless` against a real scrape target: rules fire, logs are logfmt, SIGTERM
/// exits 0, and a restart keeps the `for` state of an alert that was firing.
@Suite struct HeadlessTests {
    struct SavedFile: Decodable {
        struct Alert: Decodable {
            var rule: String
            var activeAt: Int64
            var state: String
        }
        var alerts: [Alert]
    }

    func setUp(_ server: MetricsFileServer) throws -> (dir: URL, config: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-headless-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try server.write("metrics", "# TYPE queue_depth gauge\nqueue_depth{queue=\"orders\"} 120\n")
        try """
            groups:
            - name: queues
              interval: 1s
              rules:
              - alert: QueueBacklog
                expr: queue_depth > 100
                for: 3s
                labels: {severity: page}
                annotations: {summary: "{{ $labels.queue }} has {{ $value }} jobs"}
            """.write(to: dir.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        let config = """
            global:
              poll_interval: 1s
              evaluation_interval: 1s
              for_grace_period: 0s
              state_dir: \(dir.path)/state
            rule_files: [rules.yml]
            sources:
              - name: worker
                url: \(server.baseURL)/metrics
            """
        try config.write(to: dir.appendingPathComponent("vigil.yml"), atomically: true, encoding: .utf8)
        return (dir, dir.appendingPathComponent("vigil.yml").path)
    }

    @Test func firesStopsCleanlyAndRestoresForState() throws {
        guard let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let (dir, config) = try setUp(server)
        defer { try? FileManager.default.removeItem(at: dir) }

        let first = try BackgroundVigil(["run", "--headless", "--config", config])
        #expect(first.waitFor("msg=\"alert firing\""))
        #expect(first.stop() == 0)
        let log = first.stderr
        #expect(log.contains("level=info msg=\"vigil started\""))
        #expect(log.contains("msg=\"target up\" job=worker"))
        #expect(log.contains("msg=\"vigil stopped\""))
        let stateFile = dir.appendingPathComponent("state/alerts.json")
        let saved = try JSONDecoder().decode(SavedFile.self, from: Data(contentsOf: stateFile))
        let before = try #require(saved.alerts.first)
        #expect(before.rule == "QueueBacklog")
        #expect(before.state == "firing")

        // Restart: the alert keeps its ActiveAt (whole seconds, as ALERTS_FOR_STATE) instead of
        // starting a new `for` period.
        let second = try BackgroundVigil(["run", "--headless", "--config", config])
        #expect(second.waitFor("msg=\"alert firing\""))
        #expect(second.stop(signal: SIGINT) == 0)
        let after = try JSONDecoder().decode(SavedFile.self, from: Data(contentsOf: stateFile))
        #expect(after.alerts.first?.activeAt == before.activeAt / 1000 * 1000)
    }

    @Test func reloadOnSIGHUPKeepsRunningWithABadConfig() throws {
        guard let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let (dir, config) = try setUp(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BackgroundVigil(["run", "--headless", "--config", config])
        #expect(run.waitFor("msg=\"target up\""))
        try "global: {poll_interval: nope}\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(run.pid, SIGHUP)
        #expect(run.waitFor("msg=\"reload failed, keeping the running config\""))
        #expect(run.stop() == 0)
    }

    @Test func flagsAloneWithoutAConfig() throws {
        guard let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let (dir, _) = try setUp(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BackgroundVigil(
            ["run", "--headless", "--rules", dir.appendingPathComponent("rules.yml").path,
             "--state-dir", dir.appendingPathComponent("st").path, server.baseURL + "/metrics"],
            cwd: dir.appendingPathComponent("..").standardized)
        #expect(run.waitFor("msg=\"alert pending\""))
        #expect(run.stop() == 0)
        #expect(run.stderr.contains("rule_groups=1"))
    }

    @Test func listenServesSelfMetricsAndHealth() throws {
        guard let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let (dir, config) = try setUp(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try BackgroundVigil(["run", "--headless", "--config", config, "--listen", "127.0.0.1:0"])
        #expect(run.waitFor("msg=\"alert firing\""))
        // The bound port is in the start line: listen=127.0.0.1:PORT
        let line = run.stderr.split(separator: "\n").first { $0.contains("msg=\"vigil started\"") } ?? ""
        let addr = line.split(separator: " ").first { $0.hasPrefix("listen=") }.map { String($0.dropFirst(7)) } ?? ""
        #expect(addr.hasPrefix("127.0.0.1:"))
        let metrics = try Self.get("http://\(addr)/metrics")
        #expect(metrics.contains("vigil_target_up{instance=\"127.0.0.1:\(server.port)\",job=\"worker\"} 1"))
        #expect(metrics.contains("ALERTS{alertname=\"QueueBacklog\",alertstate=\"firing\""))
        #expect(metrics.contains("# TYPE process_cpu_seconds_total counter"))
        #expect(metrics.contains("vigil_store_series "))
        // Vigil's own exposition parses with Vigil's own strict parser.
        let file = dir.appendingPathComponent("self.prom")
        try metrics.write(to: file, atomically: true, encoding: .utf8)
        #expect(try VigilProcess.run(["parse", file.path]).status == 0)
        #expect(try Self.get("http://\(addr)/-/healthy").contains("Healthy"))
        #expect(try Self.get("http://\(addr)/-/ready").contains("Ready"))
        #expect(run.stop() == 0)
    }

    /// A GET: the body as text.
    static func get(_ url: String) throws -> String {
        let data = try Data(contentsOf: URL(string: url)!)
        return String(decoding: data, as: UTF8.self)
    }

    /// `--alertmanager` delivers to Debian's real Alertmanager: the firing alert arrives with
    /// its labels and annotations (checked through Alertmanager's own API).
    @Test func alertsReachARealAlertmanager() throws {
        guard AlertmanagerProcess.available, let server = try MetricsFileServer.startInTemporaryFolder() else { return }
        defer { server.stop(removeFolder: true) }
        let (dir, config) = try setUp(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let am = try AlertmanagerProcess(folder: dir.appendingPathComponent("am"))
        defer { am.stop() }
        let run = try BackgroundVigil(["run", "--headless", "--config", config, "--alertmanager", am.url])
        #expect(run.waitFor("msg=\"alert firing\""))
        let received = am.waitFor("/api/v2/alerts", containing: "QueueBacklog", seconds: 20)
        #expect(run.stop() == 0)
        #expect(received.contains("\"alertname\":\"QueueBacklog\""))
        #expect(received.contains("\"severity\":\"page\""))
        #expect(received.contains("orders has 120 jobs"))
    }

    @Test func listenNeedsHeadless() throws {
        let r = try VigilProcess.run(["run", "--listen", "127.0.0.1:0"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("needs --headless"))
    }
}
