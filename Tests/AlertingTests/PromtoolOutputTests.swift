import Alerting
import Testing

/// Failure texts compared with what Debian's promtool prints for the same files.
@Suite struct PromtoolOutputTests {
    /// `promtool test rules failing.yml` (stderr), captured from the real promtool.
    static let failingStderr = """
          FAILED:
            name: Failing test,
            alertname: Test, time: 0s, 
                exp:[
                    0:
                      Labels:{alertname="Test"}
                      Annotations:{}
                    ], 
                got:[]
            expr: "test", time: 0s,
                exp: {__name__="test"} 1E+00
                got: {__name__="test"} 0E+00
            name: Failing alert test,
            alertname: InstanceDown, time: 5m, 
                exp:[], 
                got:[
                    0:
                      Labels:{alertname="InstanceDown", job="test", severity="page"}
                      Annotations:{description=" of job test has been down for more than 5 minutes.", summary="Instance  down"}
                    ]
            name: Failing alert test,
            alertname: AlwaysFiring, time: 5m, 
                exp:[], 
                got:[
                    0:
                      Labels:{alertname="AlwaysFiring"}
                      Annotations:{}
                    ]

        """

    @Test func failingFileMatchesPromtool() {
        guard let root = ConformanceData.root else {
            print("conformance data absent: skipping")
            return
        }
        let report = RuleTestRunner.run(files: [root + "/rules/promtool/failing.yml"])
        #expect(report.exitCode == 1)
        #expect(report.text(.stderr) == Self.failingStderr)
        #expect(report.text(.stdout).hasPrefix("Unit Testing:  " + root + "/rules/promtool/failing.yml\n"))
    }

    @Test func badPromQLErrorMatchesPromtool() {
        guard let root = ConformanceData.root else { return }
        let report = RuleTestRunner.run(files: [root + "/rules/promtool/bad-promql.yml"])
        #expect(report.files.first?.errors == [
            "    expr: \"join_1 + on(a) join_2\", time: 0s, err: found duplicate series for the match group {a=\"1\"} on the right hand-side of the operation: [{__name__=\"join_2\", a=\"1\", b=\"3\"}, {__name__=\"join_2\", a=\"1\", b=\"4\"}];many-to-many matching not allowed: matching labels must be unique on one side",
        ])
    }

    @Test func runFilterSelectsGroups() {
        guard let root = ConformanceData.root else { return }
        let file = root + "/rules/promtool/rules_run.yml"
        #expect(RuleTestRunner.run(files: [file], options: RuleTestOptions(run: ["correct"])).exitCode == 0)
        #expect(RuleTestRunner.run(files: [file], options: RuleTestOptions(run: ["wrong"])).exitCode == 1)
        #expect(RuleTestRunner.run(files: [file]).exitCode == 1)
    }

    @Test func fuzzyCompareAllowsOneULP() {
        guard let root = ConformanceData.root else { return }
        let fuzzy = root + "/rules/promtool/rules_run_fuzzy.yml"
        #expect(RuleTestRunner.run(files: [fuzzy], options: RuleTestOptions(run: ["correct"])).exitCode == 0)
        #expect(RuleTestRunner.run(files: [fuzzy], options: RuleTestOptions(run: ["wrong"])).exitCode == 1)
        #expect(RuleTestRunner.run(files: [root + "/rules/promtool/rules_run_no_fuzzy.yml"]).exitCode == 1)
    }

    @Test func unknownFieldsCanBeIgnored() {
        guard let root = ConformanceData.root else { return }
        let file = root + "/rules/promtool/rules_run_extrafields.yml"
        #expect(RuleTestRunner.run(files: [file]).exitCode == 1)
        #expect(RuleTestRunner.run(files: [file], options: RuleTestOptions(ignoreUnknownFields: true)).exitCode == 0)
    }

    @Test func histogramCasesAreSkippedAndReported() {
        guard let root = ConformanceData.root else { return }
        let report = RuleTestRunner.run(files: [root + "/rules/promtool/unittest.yml"])
        #expect(report.exitCode == 0)
        #expect(report.files.first?.skipped.count == 3)
    }
}
