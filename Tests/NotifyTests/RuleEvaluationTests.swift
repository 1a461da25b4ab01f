import Alerting
@testable import Notify
import Testing
import TimeSeries

/// Outgoing alerts built from real rule evaluation follow Prometheus's `SendAlerts`.
struct RuleEvaluationTests {
    static let rules = """
        groups:
        - name: g
          interval: 15s
          rules:
          - alert: InstanceDown
            expr: up == 0
            for: 1m
            labels:
              severity: page
            annotations:
              summary: "{{ $labels.instance }} is down"
          - alert: InstanceDown
            expr: absent(up)
            labels:
              severity: ticket
        """

    struct Fixture {
        let store = SeriesStore()
        let evaluator: RuleGroupEvaluator

        init() throws {
            let file = try RuleFileLoader.parse(text: RuleEvaluationTests.rules, file: "rules.yml")
            let context = RuleEvaluationContext(store: store, externalLabels: Labels([Label("cluster", "c1"), Label("severity", "none")]),
                                                externalURL: "http://vigil:9090/", resendDelay: 60_000)
            evaluator = RuleGroupEvaluator(group: file.groups[0], context: context)
            let ref = store.getOrCreate(Labels([Label("__name__", "up"), Label("instance", "a:9100"), Label("job", "node")]))
            for i in 0...20 { store.append(ref, Int64(i) * 15_000, i < 10 ? 0 : 1) }
        }
    }

    @Test func firingThenResolvedAsPrometheusSendsThem() throws {
        let f = try Fixture()
        var sent: [(Int64, [OutgoingAlert])] = []
        for i in 0...12 {
            let t = Int64(i) * 15_000
            let batch = OutgoingAlert.batch(f.evaluator.eval(at: t), evaluator: f.evaluator)
            if !batch.isEmpty { sent.append((t, batch)) }
        }
        // Fires at 60s (for: 1m); re-sent after the resend delay (at 135s, first ts > 60s + 60s);
        // resolved at 150s (the value turned 1) and sent at once.
        #expect(sent.map(\.0) == [60_000, 135_000, 150_000])
        let first = try #require(sent.first?.1.first)
        #expect(first.status == .firing)
        #expect(first.labels == Labels([Label("alertname", "InstanceDown"), Label("cluster", "c1"), Label("instance", "a:9100"),
                                        Label("job", "node"), Label("severity", "page")]))
        #expect(first.annotations == [Label("summary", "a:9100 is down")])
        #expect(first.startsAt == 60_000)
        // ValidUntil: evaluation time + 4 × max(group interval 15s, resend delay 60s).
        #expect(first.endsAt == Int64(60_000 + 240_000))
        #expect(first.sentAt == 60_000)
        #expect(first.generatorURL == "http://vigil:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1")
        #expect(sent[1].1.first?.endsAt == Int64(135_000 + 240_000))
        let resolved = try #require(sent[2].1.first)
        #expect(resolved.status == .resolved)
        #expect(resolved.startsAt == 60_000)
        #expect(resolved.endsAt == 150_000)
    }

    @Test func sameNamedRulesKeepTheirOwnExpression() throws {
        let f = try Fixture()
        let rules = f.evaluator.group.rules
        var alert = Alert(state: .firing, labels: Labels([Label("alertname", "InstanceDown"), Label("severity", "ticket")]),
                          annotations: [], value: 1, activeAt: 0)
        #expect(OutgoingAlert.expression(for: alert, among: rules) == "absent(up)")
        alert.labels = Labels([Label("alertname", "InstanceDown"), Label("severity", "page")])
        #expect(OutgoingAlert.expression(for: alert, among: rules) == "up == 0")
    }
}

/// The wiring the run loop uses: `RuleManager(onEvaluation:)` hands every group evaluation to
/// the dispatcher.
struct RuleManagerWiringTests {
    @Test func ruleManagerFeedsTheDispatcher() async throws {
        let f = try RuleEvaluationTests.Fixture()
        let sink = ScriptedNotifier(policy: DeliveryPolicy(resendDelay: 60_000, repeatResolved: true, maxBatchSize: 256))
        let history = AlertHistory()
        let d = NotificationDispatcher(notifiers: [sink], history: history)
        d.start()
        defer { d.stop() }
        let manager = RuleManager(groups: [f.evaluator.group], context: f.evaluator.context,
                                  onEvaluation: { evaluator, evaluation in d.submit(evaluation, from: evaluator) })
        for t in stride(from: Int64(0), through: 180_000, by: 15_000) { manager.evaluate(at: t) }
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(sink.delivered.map(\.status) == [.firing, .firing, .resolved])
        #expect(history.episodes().first?.resolvedAt != nil)
        #expect(history.events(after: 0).map(\.kind) == [.fired, .resolved])
    }
}
