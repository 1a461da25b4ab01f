import Config
import Foundation
import GrafanaImport
import PromQL
import Testing

/// The real dashboards in `../shared/conformance/grafana/`: every panel and row converts, every
/// query parses, and the YAML reads back as the same dashboard. Skipped when the folder is absent.
@Suite struct ConformanceTests {
    static let folder: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/conformance/grafana").path
    }()

    static func load(_ name: String) throws -> GrafanaImportResult? {
        let path = folder + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            print("skipped: \(path) is absent (conformance data not checked out)")
            return nil
        }
        return try GrafanaImporter.convert(json: [UInt8](data))
    }

    static func checkRoundTrip(_ result: GrafanaImportResult) throws {
        let config = try ConfigLoader.parse(text: result.yaml, file: "imported.yml")
        #expect(config.dashboards == [result.dashboard])
        for row in result.dashboard.rows {
            for panel in row.panels {
                for q in panel.queries {
                    #expect(throws: Never.self) { _ = try Parser.parse(q.expr) }
                }
            }
        }
    }

    @Test func nodeExporterFull() throws {
        guard let result = try Self.load("node-exporter-full.json") else { return }
        var types: [PanelConfig.PanelType: Int] = [:]
        for row in result.dashboard.rows { for p in row.panels { types[p.type, default: 0] += 1 } }
        #expect(types == [.timeseries: 111, .gauge: 5, .stat: 5, .bar: 4])
        #expect(result.panelCount == 125)
        #expect(result.sourcePanelCount == 125)
        #expect(result.sections.count == 16)
        #expect(result.sections.allSatisfy { $0.convertedPanels == $0.sourcePanels && !$0.rows.isEmpty })
        #expect(!result.notes.contains { $0.kind == .panelDropped || $0.kind == .queryDropped })
        try Self.checkRoundTrip(result)
        let kinds = Dictionary(grouping: result.notes, by: \.kind).mapValues(\.count)
        print("node-exporter-full notes by kind: \(kinds)")
        for note in result.notes where note.panel == nil { print("  \(note)") }
        print("node-exporter-full: \(result.panelCount)/\(result.sourcePanelCount) panels, \(result.sections.count) Grafana rows, \(result.dashboard.rows.count) Vigil rows, \(result.notes.count) notes")
    }

    @Test(arguments: ["haproxy.json", "apache-full.json"])
    func otherDashboards(_ name: String) throws {
        guard let result = try Self.load(name) else { return }
        try Self.checkRoundTrip(result)
        print("\(name): \(result.panelCount)/\(result.sourcePanelCount) panels, \(result.sections.count) Grafana rows, \(result.dashboard.rows.count) Vigil rows")
        for note in result.notes { print("  \(note)") }
    }
}
