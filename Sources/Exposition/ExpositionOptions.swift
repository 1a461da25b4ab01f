/// Parser settings beyond the format.
public struct ExpositionOptions: Sendable {
    /// Apply the OpenMetrics reference parser's rules against negative observations: no negative
    /// `_sum`, no negative quantile values, no histogram `_sum` alongside negative buckets. Off by
    /// default because Prometheus 3.x accepts all three and client_golang emits them for histograms
    /// and summaries that observed negative values (Prometheus's own `alltypes.5mfs.om.txt` does);
    /// every other OpenMetrics rule is always enforced.
    public var strictNegativeObservations: Bool

    public init(strictNegativeObservations: Bool = false) {
        self.strictNegativeObservations = strictNegativeObservations
    }
}
