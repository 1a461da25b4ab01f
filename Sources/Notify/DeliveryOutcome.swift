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
