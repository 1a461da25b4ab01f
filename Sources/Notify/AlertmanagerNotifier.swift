import Config

/// Sends alerts to one Alertmanager through its API v2 (`POST /api/v2/alerts`), as Prometheus's
/// notifier does: a JSON array of up to 256 alerts per request, any 2xx is success. Several
/// Alertmanagers are several notifiers, so each gets every alert with its own queue and retries.
public struct AlertmanagerNotifier: Notifier {
    public let endpoint: HTTPEndpoint
    public let policy: DeliveryPolicy
    /// `<url>/api/v2/alerts` (or the URL itself when it already names that path).
    public let alertsURL: String

    /// Prometheus's `DefaultMaxBatchSize`.
    public static let maxBatchSize = 256

    public init(endpoint: HTTPEndpoint, resendDelay: Int64 = 60_000) {
        self.endpoint = endpoint
        alertsURL = AlertmanagerNotifier.apiURL(endpoint.url, path: "/api/v2/alerts")
        policy = DeliveryPolicy(resendDelay: resendDelay, repeatResolved: true, maxBatchSize: Self.maxBatchSize)
    }

    public init(_ config: NotifierConfig) {
        self.init(endpoint: HTTPEndpoint(config), resendDelay: config.resendDelay.milliseconds)
    }

    public var id: String { "alertmanager-" + Fingerprint.hex(Fingerprint.text(endpoint.url)) }
    public var description: String { "alertmanager " + endpoint.redactedURL }

    public func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome {
        let latest = AlertmanagerPayload.latest(alerts)
        guard !latest.isEmpty else { return .delivered }
        return endpoint.postBlocking(url: alertsURL, body: AlertmanagerPayload.encode(latest))
    }

    /// The base URL (an Alertmanager's address, maybe with a path prefix) joined with an API path;
    /// a URL that already ends in `/api/v2/alerts` or `/api/v2` is reduced to its base first.
    static func apiURL(_ url: String, path: String) -> String {
        var base = url
        if let q = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = String(base[..<q]) }
        while base.hasSuffix("/") { base.removeLast() }
        for suffix in ["/api/v2/alerts", "/api/v2/silences", "/api/v2"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
