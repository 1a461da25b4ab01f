/// Choices the importer makes where Grafana computes a value at view time.
public struct GrafanaImportOptions: Hashable, Sendable {
    /// Replaces `$__rate_interval` (Grafana: four scrape intervals, 1m at the usual 15s scrape).
    public var rateInterval = "1m"
    /// Replaces `$__interval` and `auto` interval variables (Grafana: the time range over the
    /// panel's pixel width).
    public var interval = "1m"
    /// Replaces `$__range` (Grafana: the dashboard's time range).
    public var range = "1h"
    /// Title for the Vigil dashboard; nil keeps Grafana's.
    public var title: String?
    /// Largest JSON input accepted, in bytes.
    public var maxInputBytes = 64 << 20

    public init() {}
}
