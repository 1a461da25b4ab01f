import Config

/// Posts alerts to any URL in Alertmanager's webhook format (`WebhookPayload`): one request per
/// batch, 2xx is success, 5xx and network errors are retried, other 4xx dropped.
public struct WebhookNotifier: Notifier {
    public let endpoint: HTTPEndpoint
    public let policy: DeliveryPolicy
    /// The `receiver` field of each message.
    public let receiver: String
    /// Vigil's own URL (`externalURL` of each message), often empty.
    public let externalURL: String

    public init(endpoint: HTTPEndpoint, resendDelay: Int64 = 60_000, receiver: String = "vigil", externalURL: String = "") {
        self.endpoint = endpoint
        self.receiver = receiver
        self.externalURL = externalURL
        policy = DeliveryPolicy(resendDelay: resendDelay, repeatResolved: false, maxBatchSize: 256)
    }

    public init(_ config: NotifierConfig, externalURL: String = "") {
        self.init(endpoint: HTTPEndpoint(config), resendDelay: config.resendDelay.milliseconds, externalURL: externalURL)
    }

    public var id: String { "webhook-" + Fingerprint.hex(Fingerprint.text(endpoint.url)) }
    public var description: String { "webhook " + endpoint.redactedURL }

    public func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome {
        let latest = AlertmanagerPayload.latest(alerts)
        guard !latest.isEmpty else { return .delivered }
        return endpoint.postBlocking(url: endpoint.url, body: WebhookPayload.encode(latest, receiver: receiver, externalURL: externalURL))
    }
}
