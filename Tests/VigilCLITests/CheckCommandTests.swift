import Foundation
import Testing

@Suite struct CheckCommandTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func validConfig() throws {
        let dir = try Self.folder([
            "vigil.yml": """
                sources:
                  - name: node
                    url: http://127.0.0.1:9100/metrics
                rule_files: [rules.yml]
                """,
            "rules.yml": "groups:\n  - name: g\n    rules: []\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VigilProcess.run(["check"], cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("OK (1 sources, 0 dashboards, 1 rule files)"))
    }

    @Test func unknownKeyWithPosition() throws {
        let dir = try Self.folder(["bad.yml": "sources:\n  - name: a\n    url: http://127.0.0.1:1/metrics\n    intervall: 5s\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VigilProcess.run(["check", dir.appendingPathComponent("bad.yml").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yml:4:5:"))
        #expect(r.stderr.contains("interval"))
    }

    @Test func noConfigIsUsageError() throws {
        let dir = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VigilProcess.run(["check"], env: ["XDG_CONFIG_HOME": dir.path], cwd: dir)
        #expect(r.status == 2)
    }

    @Test func badRuleFileYAML() throws {
        let dir = try Self.folder([
            "vigil.yml": "rule_files: [r.yml]\n",
            "r.yml": "groups:\n  - name: a\n    rules: [\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VigilProcess.run(["check", dir.appendingPathComponent("vigil.yml").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("r.yml:"))
    }
}
