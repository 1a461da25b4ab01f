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
