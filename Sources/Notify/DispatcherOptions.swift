/// Bounds and timing of a `NotificationDispatcher`.
public struct DispatcherOptions: Sendable {
    /// Folder for undelivered batches (a subfolder per notifier); nil keeps them in memory only.
    public var spoolDirectory: String?
    /// Most alerts queued per notifier (Prometheus's `--alertmanager.notification-queue-capacity`);
    /// beyond it the oldest batches are dropped and counted.
    public var queueCapacity: Int
    /// Most bytes (roughly) queued per notifier, the same way.
    public var maxQueuedBytes: Int
    /// The first retry waits this long, each further one twice as long up to `maxBackoff`
    /// (±20% jitter so several Vigils do not retry in step).
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(spoolDirectory: String? = nil, queueCapacity: Int = 10_000, maxQueuedBytes: Int = 64 << 20,
                initialBackoff: Duration = .seconds(1), maxBackoff: Duration = .seconds(60)) {
        self.spoolDirectory = spoolDirectory
        self.queueCapacity = max(1, queueCapacity)
        self.maxQueuedBytes = max(4096, maxQueuedBytes)
        self.initialBackoff = initialBackoff
        self.maxBackoff = max(initialBackoff, maxBackoff)
    }

    /// The wait before retry number `failures` (1 for the first).
    func backoff(failures: Int, jitter: Double) -> Duration {
        var d = initialBackoff
        var i = 1
        while i < failures && d < maxBackoff {
            d *= 2
            i += 1
        }
        return min(d, maxBackoff) * jitter
    }
}
