/// Self-metrics of one notifier, for Vigil's own status view and `vigil_notifications_*` series.
public struct NotifierStats: Sendable, Hashable {
    public var id: String
    public var description: String
    /// Alerts delivered.
    public var sent = 0
    /// Alerts in attempts that failed (each attempt counts, as Prometheus's `errors_total`).
    public var failed = 0
    /// Alerts given up: queue over its bound, refused by the destination, unreadable spool.
    public var dropped = 0
    /// Alerts waiting for delivery, and in how many batches.
    public var queued = 0
    public var queuedBatches = 0
    public var capacity = 0
    public var lastError: String?
    /// Wall-clock times (ms since the epoch) of the last failure and the last success.
    public var lastErrorAt: Int64?
    public var lastSuccessAt: Int64?
    /// Failed attempts since the last success; the backoff grows with it.
    public var consecutiveFailures = 0
    /// Recent spool problems (unreadable files moved aside, failed writes), newest last.
    public var spoolProblems: [String] = []

    public init(id: String, description: String) {
        self.id = id
        self.description = description
    }
}
