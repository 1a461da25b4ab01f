import Testing
import YAML

/// Prometheus's own rule and promtool files (`../shared/conformance/rules`): all are valid YAML.
/// The `*.bad.yaml` files are bad for rule-level reasons (unknown field, missing expr, duplicate
/// group name...), none for YAML reasons, so all must load here.
@Suite struct YAMLConformanceTests {
    @Test func everyRuleFileLoads() throws {
        let files = ConformanceFiles.ruleFiles()
        guard !files.isEmpty else {
            print("note: ../shared/conformance/rules not found; skipping the YAML conformance files")
            return
        }
        #expect(files.count >= 40)
        for file in files {
            do {
                let docs = try YAML.loadAll(bytes: try ConformanceFiles.bytes(file), file: file)
                #expect(docs.count == 1, "\(file) should hold one document")
            } catch {
                Issue.record("\(file) did not load: \(error)")
            }
        }
    }

    @Test func aliasesResolve() throws {
        guard ConformanceFiles.rulesFolder != nil else { return }
        let node = try #require(try YAML.load(bytes: try ConformanceFiles.bytes("rulefmt/test_aliases.yaml"), file: "test_aliases.yaml"))
        let groups = try #require(node["groups"]?.sequence?.items)
        #expect(groups.count == 2)
        let rules = try #require(groups[0]["rules"]?.sequence?.items)
        #expect(rules.count == 4)
        let expr = "sum without(instance) (rate(errors_total[5m]))\n/\nsum without(instance) (rate(requests_total[5m]))\n"
        #expect(rules[0]["alert"]?.string == "HighAlert")
        #expect(rules[0]["expr"]?.string == expr)
        #expect(rules[1]["record"]?.string == "new_metric")
        #expect(rules[1]["expr"]?.string == expr)
        #expect(rules[2]["alert"]?.string == "HighAlert")
        #expect(rules[2]["labels"]?["severity"]?.string == "critical")
        #expect(rules[2]["annotations"]?["description"]?.string == "stuff's happening with {{ $.labels.service }}")
        // `<<: *highalert` with an explicit `alert:` that overrides the merged one.
        #expect(rules[3]["alert"]?.string == "HighAlert2")
        #expect(rules[3]["for"]?.string == "5m")
        #expect(rules[3]["expr"]?.string == expr)
        #expect(rules[3].mapping?.entries.count == 5)
        let other = try #require(groups[1]["rules"]?.sequence?.items)
        #expect(other.count == 4)
        #expect(other[1]["record"]?.string == "new_metric")
        #expect(other[2]["for"] == nil)
        #expect(groups[1]["interval"]?.string == "30s")
    }

    @Test func badRuleFilesKeepTheirPositions() throws {
        guard ConformanceFiles.rulesFolder != nil else { return }
        let badField = try #require(try YAML.load(bytes: try ConformanceFiles.bytes("rulefmt/bad_field.bad.yaml")))
        let rule = try #require(badField["groups"]?[0]?["rules"]?[0]?.mapping)
        #expect(rule.entry("annotation")?.key.mark == Mark(line: 8, column: 9))
        let duplicate = try #require(try YAML.load(bytes: try ConformanceFiles.bytes("rulefmt/duplicate_grp.bad.yaml")))
        #expect(duplicate["groups"]?[1]?["name"]?.mark == Mark(line: 3, column: 11))
        let promtool = try #require(try YAML.load(bytes: try ConformanceFiles.bytes("promtool/unittest.yml")))
        #expect(promtool["tests"]?.sequence?.items.isEmpty == false)
    }

    @Test func duplicateKeyInARuleIsAYAMLError() {
        let text = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        expr: down\n"
        do {
            _ = try YAML.load(text, file: "rules.yml")
            Issue.record("expected a duplicate key error")
        } catch {
            #expect(error.description == "rules.yml:6:9: duplicate key \"expr\" (first defined at line 5, column 9)")
        }
    }
}
