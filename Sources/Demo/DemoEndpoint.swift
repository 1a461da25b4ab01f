/// One simulated service's scrape address.
public struct DemoEndpoint: Sendable, Hashable {
    /// `checkout`, `payments`, `search`, `worker`: the source name, so the `job` label.
    public let job: String
    /// `127.0.0.1:40123`.
    public let address: String

    public var url: String { "http://\(address)/metrics" }
}
