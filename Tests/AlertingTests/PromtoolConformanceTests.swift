import Alerting
import Testing

/// The `promtool test rules` files from Prometheus's own tests give the exit codes Prometheus's
/// tests expect (native-histogram cases of unittest.yml are skipped and reported).
@Suite struct PromtoolConformanceTests {
    static let expected: [(String, Int32)] = [
        ("unittest.yml", 0), ("long-period.yml", 0), ("no-test-group-interval.yml", 0), ("start-time-test.yml", 0),
        ("at-modifier-test.yml", 0), ("negative-offset-test.yml", 0),
        ("bad-input-series.yml", 1), ("bad-promql.yml", 1), ("bad-rules-syntax-test.yml", 1),
        ("bad-rules-error-test.yml", 1), ("failing.yml", 1), ("rules_run.yml", 1),
    ]

    @Test(arguments: expected.map(\.0))
    func exitCode(_ name: String) {
        guard let root = ConformanceData.root else {
            print("conformance data absent: skipping \(name)")
            return
        }
        let want = Self.expected.first { $0.0 == name }?.1 ?? -1
        let report = RuleTestRunner.run(files: [root + "/rules/promtool/" + name])
        #expect(report.exitCode == want, "\(name): \(report.text(.stdout))\(report.text(.stderr))")
    }
}
