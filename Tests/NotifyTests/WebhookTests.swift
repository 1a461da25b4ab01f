@testable import Config
import Foundation
@testable import Notify
import Testing
import TimeSeries

/// The webhook notifier against a loopback receiver, and its message compared with the one
/// Debian's Alertmanager itself sends for the same alerts.
@Suite(.enabled(if: WebhookReceiver.installed))
struct WebhookTests {
    /// `alerts` sorted by fingerprint, so two messages compare regardless of order.
    static func normalized(_ message: Any?) -> NSDictionary? {
        guard var m = message as? [String: Any], let alerts = m["alerts"] as? [[String: Any]] else { return nil }
        m["alerts"] = alerts.sorted { ($0["fingerprint"] as? String ?? "") < ($1["fingerprint"] as? String ?? "") }
        return m as NSDictionary
    }

    /// The first message Alertmanager sent whose `count` alerts all have `status`.
    static func fromAlertmanager(_ hook: WebhookReceiver, status: String, count: Int) -> WebhookReceiver.Request? {
        hook.requests.first { r in
            guard r.path == "/from-am", let alerts = (r.json as? [String: Any])?["alerts"] as? [[String: Any]] else { return false }
            return alerts.count == count && alerts.allSatisfy { $0["status"] as? String == status }
        }
    }

    @Test(.enabled(if: AlertmanagerServer.installed))
    func messagesMatchAlertmanagersOwn() async throws {
        let hook = try await WebhookReceiver()
        let am = try await AlertmanagerServer(webhook: hook.url + "/from-am")
        let now = TestSupport.nowMs
        let start = now - 30_123
        let firing = [
            TestSupport.alert("Latency", ["job": "api", "severity": "page"], annotations: ["summary": "slow", "runbook": "https://r/1"],
                              startsAt: start, endsAt: now + 240_000, generatorURL: "http://vigil:9090/graph?g0.expr=x&g0.tab=1"),
            TestSupport.alert("Latency", ["job": "db", "severity": "page"], annotations: ["summary": "slow"],
                              startsAt: start + 500, endsAt: now + 240_000),
        ]
        let toAM = AlertmanagerNotifier(endpoint: HTTPEndpoint(url: am.url))
        #expect(await TestSupport.offPool { toAM.deliver(firing) } == .delivered)
        // Alertmanager may split a batch over two notifications under load: take the one with both.
        #expect(await TestSupport.eventually { Self.fromAlertmanager(hook, status: "firing", count: 2) != nil })
        let theirs = try #require(Self.fromAlertmanager(hook, status: "firing", count: 2))
        let externalURL = try #require((theirs.json as? [String: Any])?["externalURL"] as? String)

        let ours = WebhookNotifier(endpoint: HTTPEndpoint(url: hook.url + "/from-vigil"), receiver: "hook", externalURL: externalURL)
        #expect(await TestSupport.offPool { ours.deliver(firing) } == .delivered)
        let mine = try #require(hook.requests.first { $0.path == "/from-vigil" })
        #expect(Self.normalized(mine.json) != nil)
        #expect(Self.normalized(mine.json) == Self.normalized(theirs.json))

        // Resolved (an endsAt already past when Alertmanager receives it).
        let end = TestSupport.nowMs - 100
        let resolved = firing.map {
            OutgoingAlert(labels: $0.labels, annotations: $0.annotations, startsAt: $0.startsAt, endsAt: end,
                          generatorURL: $0.generatorURL, status: .resolved, sentAt: end)
        }
        #expect(await TestSupport.offPool { toAM.deliver(resolved) } == .delivered)
        #expect(await TestSupport.eventually { Self.fromAlertmanager(hook, status: "resolved", count: 2) != nil })
        let theirsResolved = try #require(Self.fromAlertmanager(hook, status: "resolved", count: 2))
        #expect(await TestSupport.offPool { ours.deliver(resolved) } == .delivered)
        let mineResolved = try #require(hook.requests.last { $0.path == "/from-vigil" })
        #expect(Self.normalized(mineResolved.json) != nil)
        #expect(Self.normalized(mineResolved.json) == Self.normalized(theirsResolved.json))
    }

    @Test func exactShapeHeadersAndCredentials() async throws {
        let hook = try await WebhookReceiver()
        let dir = TestSupport.temporaryDirectory("secret")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "s3cret-token\n".write(toFile: dir + "/token", atomically: true, encoding: .utf8)
        let endpoint = HTTPEndpoint(url: hook.url + "/hook?team=ops", headers: ["X-Scope-OrgID": "tenant-1"], bearerToken: .file(dir + "/token"))
        let n = WebhookNotifier(endpoint: endpoint, externalURL: "http://vigil.example")
        let a = TestSupport.alert("A", ["x": "1"], annotations: ["summary": "é \"q\""], startsAt: 1_700_000_000_250, endsAt: 1_700_000_240_000)
        #expect(await TestSupport.offPool { n.deliver([a]) } == .delivered)
        let r = try #require(hook.requests.first)
        #expect(r.path == "/hook?team=ops")
        #expect(r.headers["content-type"] == "application/json")
        #expect(r.headers["authorization"] == "Bearer s3cret-token")
        #expect(r.headers["x-scope-orgid"] == "tenant-1")
        #expect(r.body == """
            {"receiver":"vigil","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"A","x":"1"},\
            "annotations":{"summary":"é \\"q\\""},"startsAt":"2023-11-14T22:13:20.25Z","endsAt":"0001-01-01T00:00:00Z",\
            "generatorURL":"","fingerprint":"\(a.fingerprintHex)"}],"groupLabels":{},"commonLabels":{"alertname":"A","x":"1"},\
            "commonAnnotations":{"summary":"é \\"q\\""},"externalURL":"http://vigil.example","version":"4","groupKey":"{}:{}",\
            "truncatedAlerts":0}
            """)
    }

    @Test func alertmanagerRequestsCarryPathAndBasicAuth() async throws {
        let hook = try await WebhookReceiver()
        let endpoint = HTTPEndpoint(url: hook.url + "/prefix/", basicAuth: BasicAuth(username: "vigil", password: .literal(Secret("pa:ss"))))
        let n = AlertmanagerNotifier(endpoint: endpoint)
        let a = TestSupport.alert("A", startsAt: 1_700_000_000_000, endsAt: 1_700_000_240_000, generatorURL: "http://g")
        let older = TestSupport.alert("B", startsAt: 1_700_000_000_000, endsAt: 1_700_000_060_000)
        let newer = TestSupport.alert("B", startsAt: 1_700_000_000_000, endsAt: 1_700_000_120_000)
        #expect(await TestSupport.offPool { n.deliver([older, a, newer]) } == .delivered)
        let r = try #require(hook.requests.first)
        #expect(r.path == "/prefix/api/v2/alerts")
        #expect(r.headers["authorization"] == "Basic " + Data("vigil:pa:ss".utf8).base64EncodedString())
        // Only the latest notification of B goes out.
        #expect(r.body == """
            [{"labels":{"alertname":"A"},"annotations":{},"startsAt":"2023-11-14T22:13:20.000Z","endsAt":"2023-11-14T22:17:20.000Z",\
            "generatorURL":"http://g"},{"labels":{"alertname":"B"},"annotations":{},"startsAt":"2023-11-14T22:13:20.000Z",\
            "endsAt":"2023-11-14T22:15:20.000Z"}]
            """)
        #expect(!endpoint.redactedURL.contains("pa:ss") && !n.description.contains("pa"))
    }

    @Test func serverErrorsAreRetriedAndClientErrorsDropped() async throws {
        let hook = try await WebhookReceiver(codes: [503, 500, 200, 400])
        let n = WebhookNotifier(endpoint: HTTPEndpoint(url: hook.url + "/"))
        let d = NotificationDispatcher(notifiers: [n], options: DispatcherOptions(initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(200)))
        d.start()
        defer { d.stop() }
        d.submit([TestSupport.alert("A", startsAt: 1, endsAt: nil, sentAt: 1)])
        #expect(await d.waitUntilIdle(timeout: .seconds(20)))
        #expect(hook.requests.map(\.code) == [503, 500, 200])
        #expect(d.stats()[0].sent == 1 && d.stats()[0].failed == 2)
        d.submit([TestSupport.alert("B", startsAt: 1, endsAt: nil, sentAt: 1)])
        #expect(await d.waitUntilIdle(timeout: .seconds(20)))
        #expect(hook.requests.map(\.code) == [503, 500, 200, 400])
        let s = d.stats()[0]
        #expect(s.dropped == 1 && s.lastError?.hasPrefix("POST http://127.0.0.1:\(hook.port)/: server returned HTTP status 400") == true)
    }

    @Test func anUnreachableWebhookIsRetriedWithTheReason() async {
        let port = TestSupport.freePort()
        let n = WebhookNotifier(endpoint: HTTPEndpoint(url: "http://user:hunter2@127.0.0.1:\(port)/x"))
        guard case .retry(let reason) = await TestSupport.offPool({ n.deliver([TestSupport.alert("A", startsAt: 1, endsAt: nil)]) }) else {
            Issue.record("expected a retry")
            return
        }
        #expect(reason.contains("connection refused"))
        #expect(!reason.contains("hunter2"))
    }
}
