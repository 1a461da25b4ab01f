import Alerting
import Testing

@Test func debugDump() {
    guard let root = ConformanceData.root else { return }
    for name in ["unittest.yml", "bad-input-series.yml", "bad-promql.yml", "bad-rules-syntax-test.yml", "bad-rules-error-test.yml", "failing.yml", "rules_run.yml", "start-time-test.yml", "long-period.yml", "rules_run_fuzzy.yml", "rules_run_no_fuzzy.yml", "rules_run_extrafields.yml"] {
        let r = RuleTestRunner.run(files: [root + "/rules/promtool/" + name])
        print("=====", name, r.exitCode)
        print(r.text(.stdout))
        print(r.text(.stderr))
    }
}
