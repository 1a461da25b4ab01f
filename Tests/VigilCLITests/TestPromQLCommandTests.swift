import Foundation
import Testing

@Suite struct TestPromQLCommandTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString).test")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func passingAndFailingCases() throws {
        let file = try Self.write("""
            load 5m
              http_requests{job="api"} 0+10x10

            eval instant at 50m http_requests
              http_requests{job="api"} 100

            eval instant at 50m http_requests
              http_requests{job="api"} 7

            """)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try VigilProcess.run(["test", "promql", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL \(file.path):7:"))
        #expect(r.stdout.hasSuffix("1 passed, 1 failed, 0 skipped\n"))
    }

    @Test func conformanceScriptsPass() throws {
        guard let dir = VigilProcess.conformance?.appendingPathComponent("promql") else {
            print("note: ../shared/conformance absent; skipped")
            return
        }
        let files = ["staleness", "selectors", "literals"].map { dir.appendingPathComponent("\($0).test").path }
        let r = try VigilProcess.run(["test", "promql"] + files)
        #expect(r.status == 0)
        #expect(r.stdout.contains(" 0 failed"))
    }
}
