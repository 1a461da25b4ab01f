import Foundation
import Testing

/// Record a live run, replay it: `vigil run --record` polls a real HTTP target (Python's
/// http.server) whose gauge crosses an alert threshold and back; `vigil replay --alerts` of the
/// recording with the same rules reports the same transitions at the same evaluation times as
/// the live run recorded, and rule output is not in the recording.
@Suite(.serialized) struct ReplayEndToEndTests {
    static func metrics(_ a: Int) -> String {
        """
        # HELP demo_value A gauge the test moves.
        # TYPE demo_value gauge
        demo_value{kind="a"} \(a)
        demo_value{kind="b"} 1
        # TYPE demo_requests_total counter
        demo_requests_total 1027

        """
    }

    @Test func replayFiresTheSameAlertsAsTheLiveRun() throws {
        guard TmuxSession.available, MetricsFileServer.available else {
            print("note: tmux or python3 not installed; skipped")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let served = dir.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        guard let server = try MetricsFileServer.start(directory: served) else {
            Issue.record("the metrics server did not start")
            return
        }
        defer { server.stop() }
        try server.write("metrics", Self.metrics(1))
        try """
            groups:
              - name: demo
                interval: 1s
                rules:
                  - alert: DemoHigh
                    expr: demo_value > 5
                    for: 2s
                    labels: {severity: page}
                  - record: demo:value:sum
                    expr: sum(demo_value)
                  - alert: DemoSumHigh
                    expr: demo:value:sum > 8
            """.write(to: dir.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        let config = dir.appendingPathComponent("vigil.yml")
        try """
            global: {poll_interval: 1s, timeout: 1s, evaluation_interval: 1s}
            sources:
              - {name: demo, kind: prometheus, url: "http://127.0.0.1:\(server.port)/metrics"}
            rule_files: [rules.yml]
            dashboards:
              - title: Main
                rows:
                  - panels:
                      - {title: Demo, type: timeseries, query: demo_value}
            """.write(to: config, atomically: true, encoding: .utf8)
        let recording = dir.appendingPathComponent("rec").path

        // The live run: low, high for 5 s (pending, then firing after `for: 2s`), low again.
        let tmux = try TmuxSession([VigilProcess.binary.path, "run", "--config", config.path, "--record", recording],
                                   env: ["TERM": "screen-256color", "XDG_CONFIG_HOME": dir.path])
        try tmux.waitFor { $0.contains("Demo") }
        Thread.sleep(forTimeInterval: 2.5)
        try server.write("metrics", Self.metrics(10))
        Thread.sleep(forTimeInterval: 5)
        try server.write("metrics", Self.metrics(1))
        Thread.sleep(forTimeInterval: 2.5)
        try tmux.send("q")
        try tmux.waitFor { _ in (try? tmux.exited()) == true }
        #expect(try tmux.exited())
        // tmux does not always have the exit status yet (as in DashboardEndToEndTests); a clean
        // shutdown also shows as a recording without a torn tail, checked below.
        #expect(try tmux.exitStatus() ?? 0 == 0)

        let recorded = try VigilProcess.run(["replay", recording, "--recorded-alerts"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(!recorded.stderr.contains("dropped"), "\(recorded.stderr)")
        let live = recorded.stdout.split(separator: "\n").map(String.init)
        // DemoHigh went pending, firing and resolved; DemoSumHigh (no `for`) fired and resolved.
        for (state, alert) in [("pending", "DemoHigh{"), ("firing", "DemoHigh{"), ("resolved", "DemoHigh{"),
                               ("firing", "DemoSumHigh"), ("resolved", "DemoSumHigh")] {
            #expect(live.contains { $0.contains(" \(state) ") && $0.contains(alert) }, "no \(state) \(alert) in:\n\(recorded.stdout)")
        }

        let replayed = try VigilProcess.run(["replay", recording, "--alerts", "--speed", "max", "--config", config.path],
                                            cwd: dir)
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(replayed.stdout == recorded.stdout)
        #expect(replayed.stderr.contains("rule evaluations"))

        // Only polled data is recorded; the rules' output is recomputed by the replay.
        let info = try VigilProcess.run(["replay", recording, "--info"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("  demo_value "))
        #expect(info.stdout.contains("  up "))
        #expect(!info.stdout.contains("demo:value:sum"))
        #expect(!info.stdout.contains("ALERTS"))

        // A new rule tried against the recording: evaluated on its own interval.
        try """
            groups:
              - name: trial
                interval: 2s
                rules:
                  - alert: DemoAbove2
                    expr: demo_value > 2
            """.write(to: dir.appendingPathComponent("trial.yml"), atomically: true, encoding: .utf8)
        let trial = try VigilProcess.run(["replay", recording, "--alerts", "--rules", dir.appendingPathComponent("trial.yml").path])
        #expect(trial.status == 0, "\(trial.stderr)")
        let lines = trial.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains(" firing ") && $0.contains("DemoAbove2{") && $0.contains("kind=\"a\"") })
        #expect(lines.allSatisfy { $0.contains(".000Z") || $0.contains("DemoAbove2") })
        #expect(!trial.stdout.contains("DemoHigh"))

        // The replay in the dashboard: the recorded series, and the status bar says REPLAY.
        let view = try TmuxSession([VigilProcess.binary.path, "replay", recording, "--config", config.path, "--speed", "4"],
                                   env: ["TERM": "screen-256color", "XDG_CONFIG_HOME": dir.path])
        let screen = try view.waitFor { $0.contains("REPLAY") && $0.contains("Demo") }
        #expect(!screen.contains(" LIVE "))
        try view.send("q")
    }

    @Test func replayArgumentErrors() throws {
        let missing = try VigilProcess.run(["replay", "/nonexistent/recording", "--alerts"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such recording"))
        let badFrom = try VigilProcess.run(["replay", "/nonexistent/recording", "--from", "yesterday"])
        #expect(badFrom.status == 2)
        let badSpeed = try VigilProcess.run(["replay", "x", "--speed", "-1"])
        #expect(badSpeed.status == 2)
        let badSize = try VigilProcess.run(["run", "--record", "/tmp/x", "--record-max-size", "12"])
        #expect(badSize.status == 2)
        #expect(badSize.stderr.contains("--record-max-size"))
    }
}
