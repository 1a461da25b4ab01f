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

    public init() {}
}
