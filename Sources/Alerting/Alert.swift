import TimeSeries

/// One alert instance of an alerting rule, as Prometheus's `rules.Alert`: a Sendable snapshot
/// for the UI and notifiers. Times are milliseconds since the epoch; nil is Go's zero time.
public struct Alert: Sendable, Hashable {
    public var state: AlertState
    /// The identifying labels: the sample's labels without `__name__`, the expanded rule labels
    /// and `alertname`.
    public var labels: Labels
    /// Expanded annotations, sorted by name (empty values kept, as Prometheus keeps them).
    public var annotations: [Label]
    /// The expression's value at the last evaluation.
    public var value: Double
    public var activeAt: Int64
    public var firedAt: Int64?
    public var resolvedAt: Int64?
    /// When a notifier last sent the alert, and until when that send stays valid.
    public var lastSentAt: Int64?
    public var validUntil: Int64?
    /// When the condition stopped holding while `keep_firing_for` keeps the alert firing.
    public var keepFiringSince: Int64?

    public init(state: AlertState, labels: Labels, annotations: [Label], value: Double, activeAt: Int64) {
        self.state = state
        self.labels = labels
        self.annotations = annotations
        self.value = value
        self.activeAt = activeAt
    }

    /// Prometheus's `needsSending`: resolved since the last send, or due for a resend.
    public func needsSending(at ts: Int64, resendDelay: Int64) -> Bool {
        if state == .pending { return false }
        if let resolved = resolvedAt, lastSentAt.map({ resolved > $0 }) ?? true { return true }
        guard let last = lastSentAt else { return true }
        return last + resendDelay < ts
    }

    public var annotationsMap: [String: String] {
        var m: [String: String] = [:]
        for a in annotations { m[a.name] = a.value }
        return m
    }
}
