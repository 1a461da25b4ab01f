import HTTP

/// JetStream queue depths from a NATS server's monitoring port (`GET /jsz?streams=true&consumers=true`).
///
/// A stream is a queue (`queue="ORDERS"`): its depth is the messages it holds (for a work-queue
/// stream, the work not yet acknowledged), its consumers the consumers defined on it. Each
/// consumer is a queue too (`queue="ORDERS/worker"`, labels `stream`, `consumer`): its depth is
/// `num_pending`, the messages it has not been sent yet, with `ack_pending`, `redelivered` and
/// `waiting` (pull requests) as extras. Totals (`last_seq`, deliveries) are counters, so
/// `rate()` gives the in and out rates NATS does not report. Every JetStream account is read.
public struct NATSSource: PollSource {
    /// The monitoring base URL, e.g. `http://nats:8222` (with `http_base_path` if set).
    public let monitorURL: String
    public let settings: HTTPSettings
    public let client: HTTPClient
    public let instance: String
    let pageSize: Int

    /// Accounts beyond this are not asked for.
    static let maxAccounts = 1 << 16

    public init(monitorURL: String, settings: HTTPSettings = HTTPSettings(), client: HTTPClient, instance: String,
                pageSize: Int = 1024) {
        self.monitorURL = monitorURL.hasSuffix("/") ? String(monitorURL.dropLast()) : monitorURL
        self.settings = settings
        self.client = client
        self.instance = instance
        self.pageSize = max(1, pageSize)
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        // The server lists accounts in no stable order, so offset paging could skip or repeat
        // one: when the first reply holds fewer accounts than the server has, ask again for all.
        var json = try await fetch(limit: pageSize, deadline: deadline)
        let listed = BrokerHTTP.array(BrokerHTTP.object(json)?["account_details"])?.count ?? 0
        if let total = BrokerHTTP.number(BrokerHTTP.object(json)?["accounts"]), Int(min(total, 1e9)) > listed {
            json = try await fetch(limit: min(Int(min(total, 1e9)) + 16, Self.maxAccounts), deadline: deadline)
        }
        var report = NATSJetStreamReport()
        try report.add(json)
        return PollPayload(body: report.exposition())
    }

    private func fetch(limit: Int, deadline: ContinuousClock.Instant) async throws(PollError) -> Any {
        try await BrokerHTTP.getJSON(url(limit: limit), settings: settings, client: client, deadline: deadline, explain: explain)
    }

    func url(limit: Int) -> String {
        "\(monitorURL)/jsz?streams=true&consumers=true&limit=\(limit)"
    }

    private func explain(_ status: Int, _ reason: String?) -> String? {
        switch status {
        case 404: return "NATS at \(instance): no /jsz here (is this the monitoring port, nats-server -m 8222?)"
        case 401, 403: return "NATS at \(instance): the monitoring endpoint refused the credentials (HTTP \(status))"
        default: return nil
        }
    }
}
