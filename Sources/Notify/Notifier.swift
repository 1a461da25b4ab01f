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
