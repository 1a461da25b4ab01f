import Config
import Foundation
import HTTP
import Testing
import TimeSeries
@testable import Polling

/// The Prometheus API source against Debian's real `prometheus`, scraping a real
/// `prometheus-node-exporter` every second on loopback. Skips (passing, with a note) when either
/// is not installed: `apt-get install -y prometheus prometheus-node-exporter`.
@Suite(.serialized) struct PrometheusAPISourceTests {
    /// A node exporter and a Prometheus scraping it, with a few seconds of history.
    final class Servers: Sendable {
        let exporter: JSONTestProcess
        let prometheus: JSONTestProcess
        let dir: String
        var base: String { "http://127.0.0.1:\(prometheus.port)" }
        var exporterInstance: String { "127.0.0.1:\(exporter.port)" }

        init(exporter: JSONTestProcess, prometheus: JSONTestProcess, dir: String) {
            self.exporter = exporter
            self.prometheus = prometheus
            self.dir = dir
        }

        func stop() {
            prometheus.stop()
            exporter.stop()
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    static func start(historySeconds: Int) async -> Servers? {
        let dir = JSONTestProcess.temporaryDirectory("prom")
        guard let exporter = JSONTestProcess.start("prometheus-node-exporter", [
            "--web.listen-address=127.0.0.1:{PORT}", "--collector.disable-defaults", "--collector.loadavg", "--collector.time",
        ]) else { return nil }
        JSONTestProcess.write("""
            global: {scrape_interval: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: node
                static_configs: [{targets: ['127.0.0.1:\(exporter.port)']}]
            """, to: "prometheus.yml", in: dir)
        guard let prometheus = JSONTestProcess.start("prometheus", [
            "--config.file=\(dir)/prometheus.yml", "--storage.tsdb.path=\(dir)/data",
            "--web.listen-address=127.0.0.1:{PORT}",
        ]) else {
            exporter.stop()
            return nil
        }
        let servers = Servers(exporter: exporter, prometheus: prometheus, dir: dir)
        // Until Prometheus holds `historySeconds` of samples of `up` (bounded: 60 s).
        let probe = PrometheusAPISource(baseURL: servers.base, query: "count_over_time(up[1m])", step: .seconds(1),
                                        metricName: "probe", client: HTTPClient())
        for _ in 0..<120 {
            if let body = try? await probe.poll(deadline: .now + .seconds(2)).body,
               let n = Double(String(decoding: body, as: UTF8.self).split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""),
               n >= Double(historySeconds) {
                return servers
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
        servers.stop()
        return nil
    }

    static func text(_ s: PrometheusAPISource) async throws -> String {
        String(decoding: try await s.poll(deadline: .now + .seconds(5)).body, as: UTF8.self)
    }

    @Test func instantQueriesBackfillAndScheduler() async throws {
        guard let servers = await Self.start(historySeconds: 8) else {
            print("note: prometheus or prometheus-node-exporter not installed (or did not start); Prometheus API test skipped")
            return
        }
        defer { servers.stop() }
        let client = HTTPClient()
        func source(_ query: String, step: Duration = .seconds(1)) -> PrometheusAPISource {
            PrometheusAPISource(baseURL: servers.base, query: query, step: step, metricName: "fleet", client: client)
        }
        let node = servers.exporterInstance

        // A vector keeps its labels and __name__.
        #expect(try await Self.text(source("up")) == "up{instance=\"\(node)\",job=\"node\"} 1\n")
        // Without __name__ (an aggregation) and as a scalar, the series is named after the source.
        #expect(try await Self.text(source("sum by (job) (up)")) == "fleet{job=\"node\"} 1\n")
        #expect(try await Self.text(source("scalar(sum(up))")) == "fleet 1\n")
        // Values Go writes as strings, parsed exactly.
        #expect(try await Self.text(source("up / 0")).hasSuffix(" +Inf\n"))
        #expect(try await Self.text(source("-up / 0")).hasSuffix(" -Inf\n"))
        #expect(try await Self.text(source("(up - 1) / 0")).hasSuffix(" NaN\n"))
        #expect(try await Self.text(source("vector(0.1) + vector(0.2)")) == "fleet 0.30000000000000004\n")
        #expect(try await Self.text(source("vector(1e-300)")) == "fleet 1e-300\n")
        // A matrix from an instant query: its latest sample per series.
        let matrix = try await source("up").request("query", ["query": "up[5s]"], deadline: .now + .seconds(5))
        #expect(matrix.resultType == .matrix)
        #expect((matrix.series.first?.samples.count ?? 0) >= 3)
        // A long query goes as a POST form.
        let long = "up" + String(repeating: " + 0", count: 1200)
        #expect(try await Self.text(source(long)) == "{instance=\"\(node)\",job=\"node\"} 1\n".replacingOccurrences(of: "{", with: "fleet{"))
        // Errors come back with Prometheus's errorType and message.
        await #expect { _ = try await Self.text(source("sum(")) } throws: {
            let d = "\($0)"
            return d.contains("query failed (bad_data, HTTP 400)") && d.contains("parse error")
        }

        // Back-fill: one sample per step, timestamps on the step grid, stale marker only at gaps.
        let end = Int64(Date().timeIntervalSince1970 * 1000)
        let history = try await source("up").backfill(from: end - 6000, to: end, deadline: .now + .seconds(10))
        #expect(history.count == 1)
        let samples = history.first?.samples ?? []
        #expect(history.first?.labels == Labels(["__name__": "up", "instance": node, "job": "node"]))
        #expect(samples.count >= 5 && samples.count <= 6, "\(samples.map(\.t))")
        #expect(samples.allSatisfy { $0.t % 1000 == 0 && $0.v == 1 && $0.t > end - 6000 && $0.t <= end })
        // A range longer than one request's points is split; the pieces join without overlap.
        var small = source("up", step: .milliseconds(500))
        small.pointsPerRequest = 3
        let split = try await small.backfill(from: end - 6000, to: end, deadline: .now + .seconds(10))
        let times = split.first?.samples.filter { !StaleNaN.isStale($0.v) }.map(\.t) ?? []
        #expect(times.count == 12 && Set(times).count == times.count && times == times.sorted(), "\(times)")

        // Through the factory and the scheduler: history lands before the first poll, with
        // Prometheus's target-label conflict rules (exported_job, exported_instance).
        let config = try SourceURL.parse("prometheus://127.0.0.1:\(servers.prometheus.port)?query=up&step=1s&interval=1s")
        let targets = try SourceFactory().targets(for: config)
        #expect(targets.count == 1)
        #expect(targets[0].labels == Labels(["job": "prometheus_api", "instance": "127.0.0.1:\(servers.prometheus.port)"]))
        let store = SeriesStore(retention: 10_000)
        let started = Int64(Date().timeIntervalSince1970 * 1000)
        let scheduler = Scheduler(store: store)
        scheduler.run(targets)
        try await Task.sleep(for: .milliseconds(2500))
        scheduler.stop()
        let got = store.select([try LabelMatcher(.equal, "__name__", "up"), try LabelMatcher(.equal, "exported_job", "node")],
                               mint: 0, maxt: .max)
        #expect(got.count == 1)
        #expect(got.first?.labels == Labels(["__name__": "up", "job": "prometheus_api", "exported_job": "node",
                                             "instance": "127.0.0.1:\(servers.prometheus.port)", "exported_instance": node]))
        let points = got.first?.samples ?? []
        #expect(points.filter { $0.t < started }.count >= 5, "back-filled history: \(points.map(\.t))")
        #expect(points.contains { $0.t >= started && $0.v == 1 }, "a live poll after the back-fill")
        #expect(scheduler.statuses().first?.up == true)
    }

    @Test func unreachableServer() async throws {
        let s = PrometheusAPISource(baseURL: "http://127.0.0.1:\(JSONTestProcess.freePort())", query: "up", step: .seconds(1),
                                    metricName: "x", settings: HTTPSettings(basicAuth: BasicAuthForTest.make()), client: HTTPClient())
        await #expect { _ = try await s.poll(deadline: .now + .seconds(2)) } throws: {
            let d = "\($0)"
            return d.contains("connection refused") && !d.contains("hunter2")
        }
    }
}

/// Basic auth credentials for a test (the config model has no public memberwise init).
enum BasicAuthForTest {
    static func make() -> BasicAuth? {
        let text = "sources:\n  - name: x\n    url: http://127.0.0.1:1/\n    basic_auth: {username: u, password: hunter2}\n"
        return (try? ConfigLoader.parse(text: text, file: "/tmp/v.yml"))?.sources.first?.basicAuth
    }
}
