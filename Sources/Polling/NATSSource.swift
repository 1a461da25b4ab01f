import HTTP

/// JetStream queue depths from a NATS server's monitoring port (`GET /jsz?streams=true&consumers=true`).
///
/// A stream is a queue (`queue="ORDERS"`): its depth is the messages it holds (for a work-queue
/// stream, the work not yet acknowledged), its consumers the consumers defined on it. Each
/// consumer is a queue too (`queue="ORDERS/worker"`, labels `stream`, `consumer`): its depth is
/// `num_pending`, the messages it has not been sent yet, with `ack_pending`, `redelivered` and
/// `waiting` (pull requests) as extras. Totals (`last_seq`, deliveries) are counters, so
/// `rate()` gives the in and out rates NATS does not report. Accounts are paged through.
public struct NATSSource: PollSource {
    /// The monitoring base URL, e.g. `http://nats:8222` (with `http_base_path` if set).
    public let monitorURL: String
    public let settings: HTTPSettings
    public let client: HTTPClient
    public let instance: String
    let pageSize: Int

    /// Pages of accounts beyond this are not fetched.
    static let maxPages = 64

    public init(monitorURL: String, settings: HTTPSettings = HTTPSettings(), client: HTTPClient, instance: String,
                pageSize: Int = 256) {
        self.monitorURL = monitorURL.hasSuffix("/") ? String(monitorURL.dropLast()) : monitorURL
        self.settings = settings
        self.client = client
        self.instance = instance
        self.pageSize = max(1, pageSize)
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        var report = NATSJetStreamReport()
        var offset = 0
        for page in 0..<Self.maxPages {
            let json = try await BrokerHTTP.getJSON(url(offset: offset), settings: settings, client: client,
                                                    deadline: deadline, explain: explain)
            let accounts = try report.add(json, first: page == 0)
            guard accounts >= pageSize else { break }
            offset += accounts
        }
        return PollPayload(body: report.exposition())
    }

    func url(offset: Int) -> String {
        "\(monitorURL)/jsz?streams=true&consumers=true&offset=\(offset)&limit=\(pageSize)"
    }

    private func explain(_ status: Int, _ reason: String?) -> String? {
        switch status {
        case 404: return "NATS at \(instance): no /jsz here (is this the monitoring port, nats-server -m 8222?)"
        case 401, 403: return "NATS at \(instance): the monitoring endpoint refused the credentials (HTTP \(status))"
        default: return nil
        }
    }
}
