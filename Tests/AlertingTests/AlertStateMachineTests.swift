import Alerting
import Testing
import TimeSeries

/// Alert lifecycle as Prometheus's `AlertingRule.Eval`: pending, firing after `for`,
/// resolution, `keep_firing_for`, retention, and the ALERTS / ALERTS_FOR_STATE series.
@Suite struct AlertStateMachineTests {
    static let up = Labels(["__name__": "up", "job": "api", "instance": "a:1"])

    static func upSeries(_ values: [Double]) -> [(Labels, [(Int64, Double)])] {
        [(up, values.enumerated().map { (EvalFixture.minutes(Int64($0.offset)), $0.element) })]
    }

    static let rules = """
        groups:
          - name: g
            rules:
              - alert: Down
                expr: up == 0
                for: 2m
                labels:
                  severity: page
                annotations:
                  summary: "{{ $labels.instance }} is down ({{ $value }})"
        """

    @Test func pendingThenFiringAfterFor() throws {
        let f = try EvalFixture(rules: Self.rules, series: Self.upSeries([0, 0, 0, 0]))
        f.evaluator.eval(at: 0)
        var alerts = f.evaluator.activeAlerts()
        #expect(alerts.count == 1)
        #expect(alerts.first?.state == .pending)
        #expect(alerts.first?.activeAt == 0)
        #expect(alerts.first?.labels == Labels(["alertname": "Down", "instance": "a:1", "job": "api", "severity": "page"]))
        #expect(alerts.first?.annotations == [Label("summary", "a:1 is down (0)")])
        f.evaluator.eval(at: EvalFixture.minutes(1))
        #expect(f.evaluator.activeAlerts().first?.state == .pending)
        f.evaluator.eval(at: EvalFixture.minutes(2))
        alerts = f.evaluator.activeAlerts()
        #expect(alerts.first?.state == .firing)
        #expect(alerts.first?.firedAt == EvalFixture.minutes(2))
        #expect(alerts.first?.activeAt == 0)

        let pending = try f.samples("ALERTS", ["alertstate": "pending"])
        let firing = try f.samples("ALERTS", ["alertstate": "firing"])
        #expect(pending.count == 1 && firing.count == 1)
        let p = pending.values.first ?? []
        #expect(p.map(\.t) == [0, 60_000, 120_000])
        #expect(p.prefix(2).allSatisfy { $0.v == 1 })
        #expect(p.last.map { StaleNaN.isStale($0.v) } == true)
        #expect(firing.keys.first == Labels(["__name__": "ALERTS", "alertname": "Down", "alertstate": "firing",
                                              "instance": "a:1", "job": "api", "severity": "page"]))
        let forState = try f.samples("ALERTS_FOR_STATE")
        #expect(forState.values.first?.map(\.v) == [0, 0, 0])
    }

    @Test func resolvesAndIsRetainedFifteenMinutes() throws {
        let values: [Double] = [0, 0, 0, 1] + Array(repeating: 1, count: 20)
        let f = try EvalFixture(rules: Self.rules, series: Self.upSeries(values))
        for m in 0...3 { f.evaluator.eval(at: EvalFixture.minutes(Int64(m))) }
        #expect(f.evaluator.activeAlerts().isEmpty)
        var status = f.evaluator.ruleStatuses()[0]
        #expect(status.alerts.count == 1)
        #expect(status.alerts.first?.state == .inactive)
        #expect(status.alerts.first?.resolvedAt == EvalFixture.minutes(3))
        // Kept while resolvedAt is at most 15 minutes ago, dropped afterwards.
        f.evaluator.eval(at: EvalFixture.minutes(18))
        #expect(f.evaluator.ruleStatuses()[0].alerts.count == 1)
        f.evaluator.eval(at: EvalFixture.minutes(18) + 1)
        status = f.evaluator.ruleStatuses()[0]
        #expect(status.alerts.isEmpty)
        let firing = try f.samples("ALERTS", ["alertstate": "firing"]).values.first ?? []
        #expect(firing.last.map { StaleNaN.isStale($0.v) && $0.t == EvalFixture.minutes(3) } == true)
    }

    @Test func pendingAlertVanishesWithoutResolving() throws {
        let f = try EvalFixture(rules: Self.rules, series: Self.upSeries([0, 1]))
        f.evaluator.eval(at: 0)
        f.evaluator.eval(at: EvalFixture.minutes(1))
        #expect(f.evaluator.ruleStatuses()[0].alerts.isEmpty)
    }

    @Test func keepFiringFor() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - alert: Down
                    expr: up == 0
                    keep_firing_for: 2m
            """
        let f = try EvalFixture(rules: rules, series: Self.upSeries([0, 1, 1, 1, 1]))
        f.evaluator.eval(at: 0)
        #expect(f.evaluator.activeAlerts().first?.state == .firing)
        f.evaluator.eval(at: EvalFixture.minutes(1))
        var a = f.evaluator.activeAlerts().first
        #expect(a?.state == .firing)
        #expect(a?.keepFiringSince == EvalFixture.minutes(1))
        f.evaluator.eval(at: EvalFixture.minutes(2))
        #expect(f.evaluator.activeAlerts().first?.state == .firing)
        f.evaluator.eval(at: EvalFixture.minutes(3))
        #expect(f.evaluator.activeAlerts().isEmpty)
        a = f.evaluator.ruleStatuses()[0].alerts.first
        #expect(a?.state == .inactive)
        #expect(a?.resolvedAt == EvalFixture.minutes(3))
    }

    @Test func duplicateLabelSetAfterAlertLabels() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - alert: Dup
                    expr: '{__name__=~"a|b"}'
            """
        let f = try EvalFixture(rules: rules, series: [
            (Labels(["__name__": "a", "x": "1"]), [(0, 1)]), (Labels(["__name__": "b", "x": "1"]), [(0, 1)]),
        ])
        let result = f.evaluator.eval(at: 0)
        #expect(result.rules.first?.error == "vector contains metrics with the same labelset after applying alert labels")
        #expect(f.evaluator.ruleStatuses()[0].health == .bad)
    }

    @Test func limitClearsAlerts() throws {
        let rules = """
            groups:
              - name: g
                limit: 1
                rules:
                  - alert: Many
                    expr: up
            """
        let f = try EvalFixture(rules: rules, series: [
            (Labels(["__name__": "up", "i": "1"]), [(0, 1)]), (Labels(["__name__": "up", "i": "2"]), [(0, 1)]),
        ])
        let result = f.evaluator.eval(at: 0)
        #expect(result.rules.first?.error == "exceeded limit of 1 with 2 alerts")
        #expect(f.evaluator.activeAlerts().isEmpty)
    }

    @Test func templatesSeeExternalLabelsURLAndQueries() throws {
        let rules = """
            groups:
              - name: g
                rules:
                  - alert: T
                    expr: up
                    labels:
                      value: "{{ $value }}"
                      empty: "{{ if false }}x{{ end }}"
                    annotations:
                      cluster: "{{ $externalLabels.cluster }}"
                      url: "{{ $externalURL }}"
                      total: '{{ query "sum(up)" | first | value }}'
                      broken: "{{ .Nope.Deeper }}"
            """
        let f = try EvalFixture(rules: rules, externalLabels: Labels(["cluster": "eu1"]), externalURL: "http://vigil:9090",
                                series: [(Labels(["__name__": "up", "i": "1"]), [(0, 3)]), (Labels(["__name__": "up", "i": "2"]), [(0, 4)])])
        f.evaluator.eval(at: 0)
        let alerts = f.evaluator.activeAlerts().sorted { $0.labels < $1.labels }
        #expect(alerts.count == 2)
        #expect(alerts.first?.labels == Labels(["alertname": "T", "i": "1", "value": "3"]))
        let ann = alerts.first?.annotationsMap ?? [:]
        #expect(ann["cluster"] == "eu1")
        #expect(ann["url"] == "http://vigil:9090")
        #expect(ann["total"] == "7")
        #expect(ann["broken"]?.hasPrefix("<error expanding template: error executing template __alert_T:") == true)
    }

    @Test func alertsToSendFollowResendDelay() throws {
        let f = try EvalFixture(rules: Self.rules, series: Self.upSeries(Array(repeating: 0, count: 6)))
        var sent: [Int] = []
        for m in 0...5 {
            sent.append(f.evaluator.eval(at: EvalFixture.minutes(Int64(m))).alertsToSend.count)
        }
        // Pending alerts are not sent; firing from 2m, re-sent once the 1m resend delay has passed.
        #expect(sent == [0, 0, 1, 0, 1, 0])
        let a = f.evaluator.activeAlerts().first
        #expect(a?.lastSentAt == EvalFixture.minutes(4))
        #expect(a?.validUntil == EvalFixture.minutes(4) + 4 * 60_000)
    }
}
