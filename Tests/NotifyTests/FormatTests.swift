import Foundation
@testable import Notify
import Testing
import TimeSeries

/// Time formats, fingerprints and escaping that receivers compare byte for byte.
struct FormatTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00Z"),
        (1_700_000_000_123, "2023-11-14T22:13:20.123Z", "2023-11-14T22:13:20.123Z"),
        (1_700_000_000_100, "2023-11-14T22:13:20.100Z", "2023-11-14T22:13:20.1Z"),
        (1_700_000_000_000, "2023-11-14T22:13:20.000Z", "2023-11-14T22:13:20Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z", "2000-02-29T00:00:00Z"),
        (-1, "1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"),
    ])
    func formatsTimesAsGo(ms: Int64, millis: String, nano: String) {
        #expect(GoTime.rfc3339Millis(ms) == millis)
        #expect(GoTime.rfc3339Nano(ms) == nano)
        #expect(GoTime.parse(millis) == ms)
        #expect(GoTime.parse(nano) == ms)
    }

    @Test func parsesOffsetsAndLongFractions() {
        #expect(GoTime.parse("2023-11-14T23:13:20.123456789+01:00") == 1_700_000_000_123)
        #expect(GoTime.parse("2023-11-14T21:13:20-01:00") == 1_700_000_000_000)
        #expect(GoTime.parse("0001-01-01T00:00:00Z") == -62_135_596_800_000)
    }

    @Test(arguments: ["", "2023-11-14", "2023-11-14T22:13:20", "2023-13-14T22:13:20Z", "2023-11-14T22:13:20.Z",
                      "2023-11-14T22:13:20Zjunk", "2023-11-14T22:13:20+0100", "x023-11-14T22:13:20Z"])
    func rejectsMalformedTimes(_ text: String) {
        #expect(GoTime.parse(text) == nil)
    }

    /// The value Alertmanager 0.25 itself reported for these labels.
    @Test func fingerprintMatchesAlertmanager() {
        let labels = Labels([Label("alertname", "X"), Label("job", "a")])
        #expect(Fingerprint.hex(Fingerprint.of(labels)) == "73d97ba8ea3585d2")
        #expect(Fingerprint.hex(Fingerprint.of(.empty)) == "cbf29ce484222325")
    }

    @Test(arguments: [
        ("up == 0", "up+%3D%3D+0"),
        ("rate(http_requests_total{job=\"api\"}[5m]) > 0.5", "rate%28http_requests_total%7Bjob%3D%22api%22%7D%5B5m%5D%29+%3E+0.5"),
        ("a-b_c.d~e", "a-b_c.d~e"),
        ("é/ü", "%C3%A9%2F%C3%BC"),
    ])
    func escapesQueriesAsGo(expr: String, escaped: String) {
        #expect(QueryEscape.escape(expr) == escaped)
    }

    @Test func generatorURLFollowsPrometheus() {
        #expect(OutgoingAlert.generatorURL(externalURL: "http://vigil:9090/", expr: "up == 0")
            == "http://vigil:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1")
        #expect(OutgoingAlert.generatorURL(externalURL: "", expr: "up") == "")
    }

    @Test func quotesJSONStringsLikeGo() {
        #expect(JSONText.quote("a\"b\\c\n\t\u{1}\u{2028}é") == "\"a\\\"b\\\\c\\n\\t\\u0001\\u2028é\"")
    }

    @Test func spoolRoundTripsEveryField() throws {
        let a = OutgoingAlert(labels: Labels([Label("alertname", "A"), Label("x", "\"quoted\"\n")]),
                              annotations: [Label("summary", "é"), Label("empty", "")], startsAt: 1000, endsAt: nil,
                              generatorURL: "http://g/?a=1&b=2", status: .firing, value: .nan, sentAt: 2000)
        let b = OutgoingAlert(labels: Labels([Label("alertname", "B")]), annotations: [], startsAt: -5, endsAt: 7,
                              status: .resolved, value: -.infinity, sentAt: 9)
        for original in [a, b] {
            let parsed = try OutgoingAlert(spool: try #require(TestSupport.json(original.spoolJSON())))
            #expect(parsed.labels == original.labels)
            #expect(parsed.annotations == original.annotations)
            #expect(parsed.startsAt == original.startsAt && parsed.endsAt == original.endsAt && parsed.sentAt == original.sentAt)
            #expect(parsed.status == original.status && parsed.generatorURL == original.generatorURL)
            #expect(parsed.value.isNaN == original.value.isNaN)
            if !original.value.isNaN { #expect(parsed.value == original.value) }
        }
    }

    @Test(arguments: ["[]", "{}", "{\"labels\":{},\"annotations\":{}}",
                      "{\"labels\":{\"a\":1},\"annotations\":{},\"startsAt\":1,\"sentAt\":1,\"status\":\"firing\",\"value\":\"1\"}",
                      "{\"labels\":{},\"annotations\":{},\"startsAt\":1.5,\"sentAt\":1,\"status\":\"firing\",\"value\":\"1\"}",
                      "{\"labels\":{},\"annotations\":{},\"startsAt\":1,\"sentAt\":1,\"status\":\"pending\",\"value\":\"1\"}",
                      "{\"labels\":{},\"annotations\":{},\"startsAt\":1,\"sentAt\":1,\"status\":\"firing\",\"value\":\"x\"}",
                      "{\"labels\":{},\"annotations\":{},\"startsAt\":1,\"endsAt\":\"x\",\"sentAt\":1,\"status\":\"firing\",\"value\":\"1\"}"])
    func spoolRejectsMalformedAlerts(_ text: String) {
        #expect(throws: SpoolFormatError.self) { _ = try OutgoingAlert(spool: TestSupport.json(text) as Any) }
    }
}
