import Foundation
import Testing

@Suite struct ImportGrafanaCommandTests {
    /// A real Grafana dashboard converts, and the YAML it writes is a config Vigil accepts.
    @Test func nodeExporterFullRoundTrip() throws {
        guard let json = VigilProcess.conformance?.appendingPathComponent("grafana/node-exporter-full.json") else {
            print("note: ../shared/conformance absent; skipped")
            return
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-import-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try VigilProcess.run(["import", "grafana", "-o", out.path, json.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("converted 125 of 125 panels"))
        let check = try VigilProcess.run(["check", out.path])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func malformedJSON() throws {
        let r = try VigilProcess.run(["import", "grafana", "-"], stdin: "{\"panels\": [")
        #expect(r.status == 1)
        #expect(!r.stderr.isEmpty)
    }
}
