import Alerting
import Foundation
import Testing

/// Rule-file decoding and validation errors beyond the conformance files, the checker's lint,
/// and hostile input (errors, never traps).
@Suite struct RuleLoadingTests {
    func errors(_ text: String, options: RuleLoadOptions = RuleLoadOptions()) -> [String] {
        do {
            _ = try RuleFileLoader.parse(text: text, file: "r.yml", options: options)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test(arguments: [
        ("groups: foo", "r.yml:1:9: cannot unmarshal !!str `foo` into []rulefmt.RuleGroup"),
        ("groups:\n  - name: a\n    limit: x\n", "r.yml:3:12: cannot unmarshal !!str `x` into int"),
        ("groups:\n  - name: a\n    interval: 5\n", "r.yml:3:15: not a valid duration string: \"5\""),
        ("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        for: 1x\n",
         "r.yml:6:14: not a valid duration string: \"1x\""),
        ("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        labels: [a]\n",
         "r.yml:6:17: cannot unmarshal !!seq into map[string]string"),
        ("groups:\n  - rules: []\n", "r.yml:2:5: Groupname must not be empty"),
        ("groups:\n  - name: a\n    labels:\n      __name__: x\n", "r.yml:4:7: invalid label name: __name__"),
        ("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        annotations:\n          s: '{{ $label.x }}'\n",
         "r.yml:7:11: group \"a\", rule 1, \"A\": annotation \"s\": template: __alert_A:1: undefined variable \"$label\""),
        ("groups:\n  - name: a\n    rules:\n      - record: r\n        expr: up\n        annotations:\n          s: x\n",
         "r.yml:4:17: group \"a\", rule 1, \"r\": invalid field 'annotations' in recording rule"),
        ("x: [", "r.yml:1:4: unterminated flow sequence"),
    ])
    func decodeAndValidationErrors(_ text: String, _ expected: String) {
        let got = errors(text)
        #expect(got.first?.hasPrefix(expected) == true, "\(got)")
    }

    @Test func emptyFileHasNoGroups() throws {
        #expect(try RuleFileLoader.parse(text: "", file: "r.yml").groups.isEmpty)
        #expect(try RuleFileLoader.parse(text: "groups:\n", file: "r.yml").groups.isEmpty)
    }

    @Test func legacyNamesRejectDashes() {
        let text = "groups:\n  - name: a\n    rules:\n      - record: a-b\n        expr: up\n"
        #expect(errors(text).isEmpty)
        #expect(errors(text, options: RuleLoadOptions(nameValidation: .legacy)).first?.contains("invalid recording rule name: a-b") == true)
    }

    @Test func groupSettingsAndLabelMerge() throws {
        let text = """
            groups:
              - name: a
                interval: 30s
                query_offset: 1m
                limit: 10
                labels: {team: x, env: prod}
                rules:
                  - alert: A
                    expr: up == 0
                    for: 5m
                    keep_firing_for: 10m
                    labels: {env: dev}
            """
        let g = try RuleFileLoader.parse(text: text, file: "r.yml").groups[0]
        #expect(g.interval == 30_000 && g.queryOffset == 60_000 && g.limit == 10)
        let r = g.rules[0]
        #expect(r.kind == .alerting && r.holdDuration == 300_000 && r.keepFiringFor == 600_000)
        #expect(r.labels.map { "\($0.name)=\($0.value)" } == ["env=dev", "team=x"])
    }

    @Test func checkerReportsDuplicatesAsWarnings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-alerting-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("dup.yml").path
        try """
            groups:
              - name: a
                rules:
                  - record: x
                    expr: up
                  - record: x
                    expr: up * 2
                  - record: y
                    expr: up[5m]
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = RuleChecker.checkFile(path)
        #expect(result.ruleCount == 3)
        #expect(!result.failed)
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(result.diagnostics.first?.description.hasPrefix(path + ":6:9: duplicate rule: metric x") == true)
        let missing = RuleChecker.check(files: [dir.appendingPathComponent("nope.yml").path])
        #expect(missing.first?.message.hasSuffix("no such file or directory") == true)
    }

    @Test func hostileInputGivesErrors() {
        // Deep nesting, long lines, binary junk and huge expressions: errors, never traps.
        let deep = String(repeating: "[", count: 10_000)
        #expect(!errors(deep).isEmpty)
        let junk = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }, as: UTF8.self)
        _ = errors(junk)
        let nested = String(repeating: "(", count: 5000) + "up" + String(repeating: ")", count: 5000)
        let text = "groups:\n  - name: a\n    rules:\n      - record: r\n        expr: '\(nested)'\n"
        #expect(errors(text).first?.contains("could not parse expression") == true)
        var seed: UInt64 = 42
        let base = Array("groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        for: 5m\n        annotations:\n          s: '{{ $labels.x }}'\n".utf8)
        for _ in 0..<300 {
            var bytes = base
            for _ in 0..<3 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                let i = Int(seed >> 33) % bytes.count
                bytes[i] = UInt8(truncatingIfNeeded: seed >> 17)
            }
            _ = try? RuleFileLoader.parse(bytes: bytes, file: "m.yml")
        }
    }

    @Test func durationsFormatAsPrometheus() throws {
        #expect(RuleDuration.format(86_400_000) == "1d")
        #expect(RuleDuration.format(179_999) == "2m59s999ms")
        #expect(RuleDuration.format(0) == "0s")
        #expect(RuleDuration.goString(3_600_000) == "1h0m0s")
        #expect(RuleDuration.goString(1500) == "1.5s")
        #expect(try RuleDuration.parse("1h30m") == 5_400_000)
        #expect(throws: RuleDuration.Invalid.self) { try RuleDuration.parse("30m1h") }
    }
}
