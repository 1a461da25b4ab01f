import Alerting
import Foundation
import Testing

/// The promtool-compatible runner on files written here: template context, group order,
/// start timestamps and the runner's own error messages.
@Suite struct RuleTestRunnerTests {
    /// Writes files into a fresh directory and runs the test file `test.yml` there.
    func run(_ files: [String: String], options: RuleTestOptions = RuleTestOptions()) throws -> RuleTestReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-ruletest-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(toFile: dir.appendingPathComponent(name).path, atomically: true, encoding: .utf8) }
        return RuleTestRunner.run(files: [dir.appendingPathComponent("test.yml").path], options: options)
    }

    static let rules = """
        groups:
          - name: second
            rules:
              - record: doubled
                expr: base * 2
          - name: first
            rules:
              - record: base
                expr: vector(21)
              - alert: Templated
                expr: up == 0
                labels:
                  severity: "{{ $externalLabels.region }}"
                annotations:
                  link: "{{ $externalURL }}/alerts"
                  value: "{{ $value }}"
        """

    @Test func groupOrderAndTemplateContext() throws {
        let test = """
            rule_files: [rules.yml]
            group_eval_order: [first, second]
            tests:
              - interval: 1m
                external_labels: {region: eu}
                external_url: http://vigil.example
                input_series:
                  - series: 'up{job="a"}'
                    values: '0x5'
                promql_expr_test:
                  - expr: doubled
                    eval_time: 0
                    exp_samples:
                      - labels: doubled
                        value: 42
                alert_rule_test:
                  - eval_time: 2m
                    alertname: Templated
                    exp_alerts:
                      - exp_labels: {job: a, severity: eu}
                        exp_annotations: {link: http://vigil.example/alerts, value: "0"}
            """
        let report = try run(["rules.yml": Self.rules, "test.yml": test])
        #expect(report.exitCode == 0, "\(report.text(.stderr))")
    }

    @Test func withoutOrderTheDependentGroupLagsOneEvaluation() throws {
        let test = """
            rule_files: [rules.yml]
            tests:
              - promql_expr_test:
                  - expr: doubled
                    eval_time: 0
                    exp_samples: []
            """
        let report = try run(["rules.yml": Self.rules, "test.yml": test])
        #expect(report.exitCode == 0, "\(report.text(.stderr))")
    }

    @Test func startTimestampShiftsInputAndTime() throws {
        let test = """
            tests:
              - start_timestamp: 1000.5
                input_series:
                  - series: m
                    values: '1 2 3'
                promql_expr_test:
                  - expr: timestamp(m)
                    eval_time: 2m
                    exp_samples:
                      - value: 1120.5
            """
        let report = try run(["test.yml": test])
        #expect(report.exitCode == 0, "\(report.text(.stderr))")
    }

    @Test(arguments: [
        ("tests:\n  - alert_rule_test:\n      - eval_time: 1m\n        name: x\n", "field name not found in type main.alertTestCase"),
        ("tests:\n  - name: g\n    alert_rule_test:\n      - eval_time: 1m\n",
         "an item under alert_rule_test misses required attribute alertname at eval_time 1m (in TestGroup g)"),
        ("group_eval_order: [a, a]\ntests: []\n", "group name repeated in evaluation order: a"),
        ("tests:\n  - promql_expr_test:\n      - expr: up\n        exp_samples:\n          - labels: 'up{'\n",
         "    expr: \"up\", time: 0s, err: labels \"up{\":"),
        ("tests:\n  - start_timestamp: yesterday\n", "cannot parse \"yesterday\" to a valid timestamp"),
    ])
    func runnerErrors(_ test: String, _ message: String) throws {
        let report = try run(["test.yml": test])
        #expect(report.exitCode == 1)
        #expect(report.files.first?.errors.contains { $0.contains(message) } == true, "\(report.files.first?.errors ?? [])")
    }

    @Test func missingRuleFilesWarn() throws {
        let report = try run(["test.yml": "rule_files: [nothing-*.yml]\ntests: []\n"])
        #expect(report.exitCode == 0)
        #expect(report.text(.stderr).contains("  WARNING: no file match pattern"))
    }

    @Test func alertsOfOneNameAcrossGroupsAreMerged() throws {
        let rules = """
            groups:
              - name: a
                rules:
                  - alert: Same
                    expr: vector(1)
                    labels: {from: a}
              - name: b
                rules:
                  - alert: Same
                    expr: vector(1)
                    labels: {from: b}
            """
        let test = """
            rule_files: [rules.yml]
            tests:
              - alert_rule_test:
                  - eval_time: 0
                    alertname: Same
                    exp_alerts:
                      - exp_labels: {from: b}
                      - exp_labels: {from: a}
            """
        let report = try run(["rules.yml": rules, "test.yml": test])
        #expect(report.exitCode == 0, "\(report.text(.stderr))")
    }
}
