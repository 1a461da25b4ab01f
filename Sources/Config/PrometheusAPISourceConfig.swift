/// A PromQL query run against a Prometheus server's HTTP API, its results taken as samples.
public struct PrometheusAPISourceConfig: Hashable, Sendable {
    public var query: String
    public var step: PromDuration
}
