/// Settings that apply to every source unless it overrides them, and to rule evaluation.
public struct GlobalConfig: Hashable, Sendable {
    public var pollInterval: PromDuration = .seconds(15)
    public var timeout: PromDuration = .seconds(10)
    public var retention: PromDuration = .hours(6)
    /// The sample store's memory budget; nil means unlimited.
    public var memoryLimit: ByteSize?
    public var evaluationInterval: PromDuration = .seconds(15)
    /// Labels added to alerts sent to notifiers, as Prometheus's `external_labels`.
    public var externalLabels: [String: String] = [:]
    /// Where alert state, silences and undelivered notifications are kept across restarts; nil
    /// means the default (`$XDG_STATE_HOME/vigil`, else `~/.local/state/vigil`).
    public var stateDirectory: String?
    /// Prometheus's `--rules.alert.for-grace-period` and `--rules.alert.for-outage-tolerance`.
    public var forGracePeriod: PromDuration = .minutes(10)
    public var forOutageTolerance: PromDuration = .hours(1)

    public init() {}
}
