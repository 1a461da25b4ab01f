@testable import Config
@testable import Notify
import Testing

/// From a config file's `notifiers:` to notifiers.
struct NotifierFactoryTests {
    @Test func buildsEachKindFromTheConfig() throws {
        let text = """
            notifiers:
              - kind: alertmanager
                url: http://user:pw@am-1:9093/prefix
                resend_delay: 2m
                timeout: 5s
              - kind: webhook
                url: https://hooks.example/ops
                headers: {X-Team: ops}
              - kind: command
                argv: [/usr/local/bin/page, --urgent]
                resend_delay: 4h
              - kind: log
                path: /var/log/vigil/alerts.log
              - kind: tui
                tui: {bell: false}
            """
        let config = try ConfigLoader.parse(text: text, file: "vigil.yml", directory: "/etc/vigil")
        let notifiers = NotifierFactory.make(config.notifiers, externalURL: "http://vigil")
        #expect(notifiers.count == 4)
        let am = try #require(notifiers[0] as? AlertmanagerNotifier)
        #expect(am.alertsURL == "http://user:pw@am-1:9093/prefix/api/v2/alerts")
        #expect(am.description == "alertmanager http://user:xxxxx@am-1:9093/prefix")
        #expect(am.policy == DeliveryPolicy(resendDelay: 120_000, repeatResolved: true, maxBatchSize: 256))
        #expect(am.endpoint.timeout == .seconds(5))
        let hook = try #require(notifiers[1] as? WebhookNotifier)
        #expect(hook.endpoint.headers == ["X-Team": "ops"] && hook.externalURL == "http://vigil")
        #expect(hook.policy.repeatResolved == false)
        let command = try #require(notifiers[2] as? CommandNotifier)
        #expect(command.argv == ["/usr/local/bin/page", "--urgent"] && command.policy.resendDelay == 4 * 3_600_000)
        let log = try #require(notifiers[3] as? AlertLogNotifier)
        #expect(log.path == "/var/log/vigil/alerts.log" && log.policy.resendDelay == nil)
        #expect(Set(notifiers.map(\.id)).count == 4)
    }

    @Test(arguments: [
        ("http://am:9093", "http://am:9093/api/v2/alerts"),
        ("http://am:9093/", "http://am:9093/api/v2/alerts"),
        ("http://am:9093/api/v2/alerts", "http://am:9093/api/v2/alerts"),
        ("http://am:9093/api/v2/alerts/", "http://am:9093/api/v2/alerts"),
        ("http://am:9093/am/api/v2", "http://am:9093/am/api/v2/alerts"),
        ("http://am:9093/am?x=1", "http://am:9093/am/api/v2/alerts"),
    ])
    func joinsTheAPIPath(url: String, expected: String) {
        #expect(AlertmanagerNotifier.apiURL(url, path: "/api/v2/alerts") == expected)
    }
}

/// Requests that can never succeed are refused at once instead of retried forever.
struct PermanentFailureTests {
    @Test func unsupportedTLSSettingsAreRefused() async {
        var tls = TLSConfig()
        tls.certFile = "/etc/vigil/client.pem"
        let endpoint = HTTPEndpoint(url: "https://am.example:9093", tls: tls)
        let n = AlertmanagerNotifier(endpoint: endpoint)
        let outcome = await TestSupport.offPool { n.deliver([TestSupport.alert("A", startsAt: 1, endsAt: nil)]) }
        guard case .reject(let reason) = outcome else {
            Issue.record("expected a rejection, got \(outcome)")
            return
        }
        #expect(reason.contains("cert_file is not supported yet"))
    }

    @Test func aHeaderWithALineBreakIsRefused() async {
        let n = WebhookNotifier(endpoint: HTTPEndpoint(url: "http://127.0.0.1:1/x", headers: ["X-Evil": "a\r\nInjected: 1"]))
        let outcome = await TestSupport.offPool { n.deliver([TestSupport.alert("A", startsAt: 1, endsAt: nil)]) }
        guard case .reject = outcome else {
            Issue.record("expected a rejection, got \(outcome)")
            return
        }
    }
}

struct SpoolLocationTests {
    @Test func followsXDGStateHome() {
        #expect(SpoolLocation.defaultDirectory(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/vigil/notify-spool")
        #expect(SpoolLocation.defaultDirectory(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]) == "/h/.local/state/vigil/notify-spool")
        #expect(SpoolLocation.defaultDirectory(environment: [:]) == nil)
    }
}
