import Alerting
import Config
import Foundation
import PromQL
import Testing
@testable import Demo

/// The bundled config, dashboards and rules go through the same loaders as a user's files.
@Suite struct BundleTests {
    static func temporaryDirectory() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-demo-test-\(UUID().uuidString)").path
        return dir
    }

    @Test func writtenFilesLoadAndCheck() throws {
        let demo = try Demo.start()
        defer { demo.stop() }
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try demo.config(writingRulesInto: dir)
        #expect(config.sources.map(\.name) == ["checkout", "payments", "search", "worker", "host"])
        #expect(config.ruleFiles == [dir + "/" + DemoBundle.ruleFileName])
        #expect(config.global.evaluationInterval.milliseconds == 5000)
        #expect(config.dashboards.map(\.title) == ["Services", "Processes", "This host"])
        let check = RuleChecker.checkFile(config.ruleFiles[0])
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics)")
        #expect(check.ruleCount == 5)
        // Written again (a reload) over the same files.
        _ = try demo.config(writingRulesInto: dir)
    }

    @Test func everyPanelQueryParses() throws {
        let config = try ConfigLoader.parse(text: DemoBundle.configText(addresses: [:]), file: "demo.yml", directory: "/tmp")
        var panels = 0
        for d in config.dashboards {
            for row in d.rows {
                for panel in row.panels {
                    panels += 1
                    for q in panel.queries { #expect(throws: Never.self) { _ = try Parser.parse(q.expr) } }
                }
            }
        }
        #expect(panels >= 20)
        let types = Set(config.dashboards.flatMap { $0.rows.flatMap { $0.panels.map(\.type) } })
        for t in [PanelConfig.PanelType.stat, .throughput, .timeseries, .latency, .heatmap, .queue, .alerts, .targets, .table, .bar] {
            #expect(types.contains(t), "no \(t) panel")
        }
    }

    @Test func rulesParseWithTheAlertTheScheduleIsBuiltFor() throws {
        let file = try RuleFileLoader.parse(text: DemoBundle.rulesText, file: DemoBundle.ruleFileName)
        let rules = file.groups.flatMap(\.rules)
        let high = try #require(rules.first { $0.name == "HighErrorRate" })
        #expect(high.holdDuration == 30_000)
        #expect(file.groups.allSatisfy { $0.interval == 5000 })
        #expect(rules.contains { $0.kind == .recording && $0.name == "job:http_requests:error_ratio" })
        #expect(RuleChecker.lint(file).isEmpty)
    }
}
