import Alerting
import Testing

/// Prometheus's rulefmt test data: `*.good.yaml` load, `*.bad.yaml` are rejected with
/// Prometheus's message (except `legacy_validation_annotation.bad.yaml`, bad only under legacy
/// name validation), and `test.yaml`/`test_aliases.yaml` load.
@Suite struct RulefmtConformanceTests {
    /// The message Prometheus's rulefmt tests expect each bad file's first error to contain.
    static let badMessages: [String: String] = [
        "duplicate_grp.bad.yaml": "groupname: \"yolo\" is repeated in the same file",
        "bad_expr.bad.yaml": "parse error",
        "record_and_alert.bad.yaml": "only one of 'record' and 'alert' must be set",
        "no_rec_alert.bad.yaml": "one of 'record' or 'alert' must be set",
        "noexpr.bad.yaml": "field 'expr' must be set in rule",
        "invalid_record_name.bad.yaml": "braces present in the recording rule name; should it be in expr?: strawberry{flavor=\"sweet\"}",
        "bad_field.bad.yaml": "field annotation not found",
        "invalid_label_name.bad.yaml": "invalid label name",
        "record_and_for.bad.yaml": "invalid field 'for' in recording rule",
        "record_and_keep_firing_for.bad.yaml": "invalid field 'keep_firing_for' in recording rule",
        "legacy_validation_annotation.bad.yaml": "invalid annotation name: ins-tance",
    ]

    @Test func goodFilesLoad() throws {
        let files = ConformanceData.files("rules/rulefmt", suffix: ".good.yaml")
            + ConformanceData.files("rules/rulefmt", suffix: "test.yaml") + ConformanceData.files("rules/rulefmt", suffix: "test_aliases.yaml")
        if files.isEmpty { print("conformance data absent: skipping rulefmt good files") }
        for f in files {
            #expect(throws: Never.self, "\(f)") { _ = try RuleFileLoader.load(path: f) }
        }
    }

    @Test func aliasesExpand() throws {
        guard let root = ConformanceData.root else { return }
        let file = try RuleFileLoader.load(path: root + "/rules/rulefmt/test_aliases.yaml")
        #expect(file.groups.map(\.rules.count) == [4, 4])
        let merged = file.groups[0].rules[3]
        #expect(merged.name == "HighAlert2")
        #expect(merged.holdDuration == 300_000)
        #expect(merged.annotations.first?.value == "stuff's happening with {{ $.labels.service }}")
    }

    @Test func badFilesFail() throws {
        let files = ConformanceData.files("rules/rulefmt", suffix: ".bad.yaml")
        if files.isEmpty { print("conformance data absent: skipping rulefmt bad files") }
        for f in files {
            let name = String(f.split(separator: "/").last ?? "")
            if name == "legacy_validation_annotation.bad.yaml" {
                // Bad only under legacy validation: UTF-8 names (3.x default) accept it.
                #expect(throws: Never.self) { _ = try RuleFileLoader.load(path: f) }
                let legacy = #expect(throws: RuleFileError.self) {
                    _ = try RuleFileLoader.load(path: f, options: RuleLoadOptions(nameValidation: .legacy))
                }
                #expect(legacy?.diagnostics.first?.message.contains(Self.badMessages[name] ?? "?") == true)
                continue
            }
            let error = #expect(throws: RuleFileError.self, "\(name)") { _ = try RuleFileLoader.load(path: f) }
            let first = error?.diagnostics.first?.message ?? ""
            #expect(first.contains(Self.badMessages[name] ?? "<no expectation for \(name)>"), "\(name): \(first)")
            #expect(error?.diagnostics.first?.file == f)
        }
    }

    /// Full texts, positions included, for the files where Prometheus's message is exactly known.
    @Test(arguments: [
        ("bad_expr.bad.yaml", "5:15: group \"yolo\", rule 1, \"yolo\": could not parse expression: 1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("duplicate_grp.bad.yaml", "3:5: groupname: \"yolo\" is repeated in the same file"),
        ("record_and_alert.bad.yaml", "4:17: group \"yolo\", rule 1, \"Hello\": only one of 'record' and 'alert' must be set"),
        ("record_and_for.bad.yaml", "4:17: group \"yolo\", rule 1, \"Hello\": invalid field 'for' in recording rule"),
        ("invalid_label_name.bad.yaml", "7:11: group \"yolo\", rule 1, \"hola\": invalid label name: __name__"),
        ("bad_field.bad.yaml", "8:9: field annotation not found in type rulefmt.Rule"),
    ])
    func exactMessages(_ name: String, _ text: String) throws {
        guard let root = ConformanceData.root else { return }
        let path = root + "/rules/rulefmt/" + name
        let error = #expect(throws: RuleFileError.self) { _ = try RuleFileLoader.load(path: path) }
        #expect(error?.diagnostics.first?.description == path + ":" + text)
    }
}
