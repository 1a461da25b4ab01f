import Alerting
import Foundation
@testable import Notify
import Testing
import TimeSeries

/// Alerts and silences against Debian's real Alertmanager on loopback, confirmed through its
/// API and `amtool`.
@Suite(.serialized, .enabled(if: AlertmanagerServer.installed && WebhookReceiver.installed))
struct AlertmanagerTests {
    static let fast = DispatcherOptions(initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(500))

    /// A rule group evaluated at real times (Alertmanager treats an `endsAt` in the past as resolved).
    struct LiveRules {
        let store = SeriesStore()
        let evaluator: RuleGroupEvaluator
        let ref: SeriesRef

        init() throws {
            let text = """
                groups:
                - name: live
                  interval: 15s
                  rules:
                  - alert: QueueBacklog
                    expr: queue_depth > 100
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.queue }} has {{ $value }} jobs waiting"
                """
            let file = try RuleFileLoader.parse(text: text, file: "live.yml")
            let context = RuleEvaluationContext(store: store, externalLabels: Labels([Label("cluster", "test-1")]),
                                                externalURL: "http://vigil.example:9090", resendDelay: 60_000)
            evaluator = RuleGroupEvaluator(group: file.groups[0], context: context)
            ref = store.getOrCreate(Labels([Label("__name__", "queue_depth"), Label("queue", "emails")]))
        }

        func evaluate(depth: Double, at t: Int64) -> GroupEvaluation {
            store.append(ref, t - 1, depth)
            return evaluator.eval(at: t)
        }
    }

    @Test func firingAlertsArriveAndResolvedOnesEnd() async throws {
        let hook = try await WebhookReceiver()
        let am = try await AlertmanagerServer(webhook: hook.url + "/am")
        let d = NotificationDispatcher(notifiers: [AlertmanagerNotifier(endpoint: HTTPEndpoint(url: am.url))], options: Self.fast)
        d.start()
        defer { d.stop() }
        let rules = try LiveRules()
        let t0 = TestSupport.nowMs - 10_000
        let fired = rules.evaluate(depth: 250, at: t0)
        #expect(fired.alertsToSend.count == 1)
        d.submit(fired, from: rules.evaluator)

        #expect(await TestSupport.eventually { (try? await am.alerts().count) == 1 })
        let got = try #require(try await am.alerts().first)
        #expect(got.labels == ["alertname": "QueueBacklog", "queue": "emails", "severity": "page", "cluster": "test-1"])
        #expect(got.annotations == ["summary": "emails has 250 jobs waiting"])
        #expect(got.startsAt == GoTime.rfc3339Millis(t0))
        // Prometheus's ValidUntil: 4 × max(interval 15s, resend delay 1m) after the evaluation.
        #expect(got.endsAt == GoTime.rfc3339Millis(t0 + 240_000))
        #expect(got.generatorURL == "http://vigil.example:9090/graph?g0.expr=queue_depth+%3E+100&g0.tab=1")
        #expect(got.state == "active")
        #expect(got.fingerprint == OutgoingAlert.batch(fired, evaluator: rules.evaluator).first?.fingerprintHex)
        let viaAmtool = await am.amtool(["alert", "query"]) as? [[String: Any]]
        #expect(viaAmtool?.compactMap { ($0["labels"] as? [String: String])?["alertname"] } == ["QueueBacklog"])
        // Alertmanager notified its own receiver that the alert fires.
        #expect(await TestSupport.eventually { hook.requests.contains { ($0.json as? [String: Any])?["status"] as? String == "firing" } })

        // Resolved now: Alertmanager only takes an endsAt that is not in the future as a
        // resolution (a future one is just an earlier expiry, and the later one it has wins).
        let t1 = TestSupport.nowMs
        let resolved = rules.evaluate(depth: 3, at: t1)
        #expect(resolved.alertsToSend.count == 1)
        d.submit(resolved, from: rules.evaluator)
        #expect(await TestSupport.eventually { (try? await am.alerts().isEmpty) == true })
        // The resolution came from Vigil (endsAt = the resolving evaluation), not from expiry.
        #expect(await TestSupport.eventually {
            hook.requests.contains { r in
                guard let m = r.json as? [String: Any], m["status"] as? String == "resolved",
                      let a = (m["alerts"] as? [[String: Any]])?.first else { return false }
                return a["endsAt"] as? String == GoTime.rfc3339Nano(t1)
            }
        })
        #expect(d.stats()[0].sent == 2 && d.stats()[0].failed == 0)
    }

    @Test func anAlertmanagerDownForAWhileGetsEverythingWhenBack() async throws {
        let dir = TestSupport.temporaryDirectory("spool")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let am = try await AlertmanagerServer()
        var options = Self.fast
        options.spoolDirectory = dir
        let notifier = AlertmanagerNotifier(endpoint: HTTPEndpoint(url: am.url))
        let d = NotificationDispatcher(notifiers: [notifier], options: options)
        d.start()
        defer { d.stop() }
        let t0 = TestSupport.nowMs - 60_000
        d.submit([TestSupport.alert("Disk", ["host": "a"], startsAt: t0, endsAt: t0 + 240_000, sentAt: t0)])
        #expect(await TestSupport.eventually { (try? await am.alerts().count) == 1 })

        am.stop()
        let t1 = TestSupport.nowMs
        d.submit([TestSupport.alert("Disk", ["host": "b"], startsAt: t1, endsAt: t1 + 240_000, sentAt: t1)])
        d.submit([TestSupport.alert("Disk", ["host": "a"], status: .resolved, startsAt: t0, endsAt: t1, sentAt: t1)])
        #expect(await TestSupport.eventually { d.stats()[0].consecutiveFailures >= 2 })
        let down = d.stats()[0]
        #expect(down.queued == 2)
        #expect(down.lastError?.contains("connection refused") == true)
        #expect(await TestSupport.eventually {
            (try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + notifier.id).count) == 2
        })

        // Back up: Alertmanager lost its in-memory alerts; the queue brings both.
        try await am.start()
        #expect(await d.waitUntilIdle(timeout: .seconds(30)))
        let alerts = try await am.alerts()
        #expect(alerts.map { $0.labels["host"] } == ["b"])
        #expect(await am.metric("alertmanager_alerts_received_total", matching: "status=\"resolved\"") == 1)
        #expect(await am.metric("alertmanager_alerts_received_total", matching: "status=\"firing\"") == 1)
        let s = d.stats()[0]
        #expect(s.queued == 0 && s.dropped == 0 && s.sent == 3 && s.consecutiveFailures == 0)
    }

    @Test func aRestartedVigilSendsWhatItSpooled() async throws {
        let dir = TestSupport.temporaryDirectory("spool")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let am = try await AlertmanagerServer(start: false)
        var options = Self.fast
        options.spoolDirectory = dir
        let notifier = AlertmanagerNotifier(endpoint: HTTPEndpoint(url: am.url))
        let first = NotificationDispatcher(notifiers: [notifier], options: options)
        first.start()
        let t0 = TestSupport.nowMs
        first.submit([TestSupport.alert("Down", ["job": "api"], annotations: ["summary": "api down"], startsAt: t0, endsAt: t0 + 240_000),
                      TestSupport.alert("Down", ["job": "db"], startsAt: t0, endsAt: t0 + 240_000)])
        #expect(await TestSupport.eventually { first.stats()[0].failed >= 2 })
        first.stop()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/" + notifier.id) == ["00000000000000000001.json"])

        try await am.start()
        let second = NotificationDispatcher(notifiers: [notifier], options: options)
        #expect(second.stats()[0].queued == 2)
        second.start()
        defer { second.stop() }
        #expect(await second.waitUntilIdle(timeout: .seconds(30)))
        let alerts = try await am.alerts()
        #expect(Set(alerts.compactMap { $0.labels["job"] }) == ["api", "db"])
        #expect(alerts.first { $0.labels["job"] == "api" }?.annotations == ["summary": "api down"])
        let viaAmtool = await am.amtool(["alert", "query"]) as? [[String: Any]]
        #expect(viaAmtool?.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/" + notifier.id).isEmpty)
    }

    @Test func everyAlertmanagerGetsEveryAlertOnItsOwnSchedule() async throws {
        let up = try await AlertmanagerServer()
        let later = try await AlertmanagerServer(start: false)
        let d = NotificationDispatcher(notifiers: [AlertmanagerNotifier(endpoint: HTTPEndpoint(url: up.url)),
                                                   AlertmanagerNotifier(endpoint: HTTPEndpoint(url: later.url + "/"))],
                                       options: Self.fast)
        d.start()
        defer { d.stop() }
        let t0 = TestSupport.nowMs
        d.submit([TestSupport.alert("X", startsAt: t0, endsAt: t0 + 240_000)])
        #expect(await TestSupport.eventually { (try? await up.alerts().count) == 1 })
        #expect(d.stats()[1].queued == 1)
        try await later.start()
        #expect(await d.waitUntilIdle(timeout: .seconds(30)))
        #expect(try await later.alerts().count == 1)
    }

    @Test func silencesAreCreatedListedAndExpired() async throws {
        let am = try await AlertmanagerServer()
        let d = NotificationDispatcher(notifiers: [AlertmanagerNotifier(endpoint: HTTPEndpoint(url: am.url))], options: Self.fast)
        d.start()
        defer { d.stop() }
        let t0 = TestSupport.nowMs
        d.submit([TestSupport.alert("Noisy", ["job": "batch"], startsAt: t0, endsAt: t0 + 240_000)])
        #expect(await TestSupport.eventually { (try? await am.alerts().count) == 1 })

        let silences = AlertmanagerSilences(endpoint: HTTPEndpoint(url: am.url + "/api/v2/alerts"))
        let id = try await silences.create(Silence(matchers: Silence.matchers(for: [("alertname", "Noisy"), ("job", "batch")]),
                                                   startsAt: t0, endsAt: t0 + 3_600_000, createdBy: "vigil",
                                                   comment: "silenced from the dashboard"))
        let listed = try await silences.list()
        let mine = try #require(listed.first { $0.id == id })
        #expect(mine.state == "active")
        #expect(mine.createdBy == "vigil" && mine.comment == "silenced from the dashboard")
        #expect(mine.endsAt == t0 + 3_600_000)
        #expect(Set(mine.matchers) == [Silence.Matcher(name: "alertname", value: "Noisy"), Silence.Matcher(name: "job", value: "batch")])
        let viaAmtool = await am.amtool(["silence", "query"]) as? [[String: Any]]
        #expect(viaAmtool?.compactMap { $0["id"] as? String } == [id])
        #expect(await TestSupport.eventually { (try? await am.alerts().first?.silencedBy) == [id] })
        #expect(try await am.alerts().first?.state == "suppressed")

        try await silences.expire(id: id)
        #expect(try await silences.list().first { $0.id == id }?.state == "expired")
        #expect(await TestSupport.eventually { (try? await am.alerts().first?.state) == "active" })
        await #expect(throws: NotifyError.self) { try await silences.expire(id: "../../api/v2/status") }
        await #expect(throws: NotifyError.self) { try await silences.expire(id: "00000000-0000-0000-0000-000000000000") }
    }
}
