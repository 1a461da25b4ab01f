import TimeSeries

/// What rule evaluation needs from its surroundings: the store it queries and writes results
/// into, engine settings, and the external labels and URL alert templates see.
public struct RuleEvaluationContext: Sendable {
    public var store: SeriesStore
    /// How far back instant selectors look (ms), Prometheus's `--query.lookback-delta`.
    public var lookbackDelta: Int64
    /// The global evaluation interval (ms): the default group interval and subquery step.
    public var evaluationInterval: Int64
    /// Query offset for groups that set none (ms), `rule_query_offset`.
    public var defaultQueryOffset: Int64
    public var externalLabels: Labels
    public var externalURL: String
    /// `--rules.alert.resend-delay` (ms): how often firing alerts are handed to notifiers again.
    public var resendDelay: Int64

    public init(store: SeriesStore, lookbackDelta: Int64 = 300_000, evaluationInterval: Int64 = 60_000,
                defaultQueryOffset: Int64 = 0, externalLabels: Labels = .empty, externalURL: String = "",
                resendDelay: Int64 = 60_000) {
        self.store = store
        self.lookbackDelta = lookbackDelta
        self.evaluationInterval = evaluationInterval
        self.defaultQueryOffset = defaultQueryOffset
        self.externalLabels = externalLabels
        self.externalURL = externalURL
        self.resendDelay = resendDelay
    }
}
