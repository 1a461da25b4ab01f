/// One destination for alerts (an Alertmanager, a webhook, a command, a log file). The
/// dispatcher calls `deliver` on the notifier's own thread, one batch at a time, and owns
/// queueing, retries and the spool; a notifier only sends.
public protocol Notifier: Sendable {
    /// Stable across restarts for the same destination: names the spool folder and the stats.
    var id: String { get }
    /// What the UI shows, e.g. `alertmanager http://am:9093` (never a credential).
    var description: String { get }
    /// Which alerts the notifier wants and how many per call.
    var policy: DeliveryPolicy { get }
    /// Sends `alerts` (oldest first), blocking until done or failed. Called on a dedicated
    /// thread, never concurrently for one notifier.
    func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome
}

/// What a notifier wants from the stream of evaluations.
public struct DeliveryPolicy: Sendable, Hashable {
    /// A firing alert already passed to this notifier passes again only after this long (ms,
    /// by evaluation time); nil: only when its status or start changes.
    public var resendDelay: Int64?
    /// Whether resolved alerts are passed again every `resendDelay` (Prometheus re-sends them
    /// to Alertmanager for 15 minutes) or only once.
    public var repeatResolved: Bool
    /// The most alerts handed to one `deliver` call.
    public var maxBatchSize: Int

    public init(resendDelay: Int64?, repeatResolved: Bool, maxBatchSize: Int) {
        self.resendDelay = resendDelay
        self.repeatResolved = repeatResolved
        self.maxBatchSize = max(1, maxBatchSize)
    }
}

/// How a `deliver` call ended.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Every alert went out.
    case delivered
    /// The first `delivered` alerts went out; the rest are retried after a backoff.
    case partial(delivered: Int, error: String)
    /// Nothing went out but it may work later (network, 5xx, timeout): retried after a backoff.
    case retry(String)
    /// The destination refused the alerts for good (a 4xx): they are dropped, not retried.
    case reject(String)
}
