import Foundation
import HTTP
import TimeSeries

/// Queue depths from the RabbitMQ management plugin's HTTP API (`GET /api/queues[/VHOST]`):
/// per queue `messages` (depth), `messages_ready`, `messages_unacknowledged`, `consumers`, and
/// the publish and deliver rates the management plugin computes.
///
/// Asks only for the columns it reads and pages through the list (500 queues a page, the
/// plugin's maximum), so a broker with many queues costs a few small requests, not one huge one.
/// The `queues` regular expression must match a whole queue name, as Prometheus label matchers
/// do (`orders.*`, not `orders`; `.*orders.*` for RabbitMQ's search-box behaviour); filtering
/// happens here, with the same regex engine as PromQL matchers.
public struct RabbitMQSource: PollSource {
    /// The management API's base, e.g. `http://rabbit:15672` (with the plugin's `path_prefix` if any).
    public let managementURL: String
    /// nil: every vhost the user may see.
    public let vhost: String?
    public let queuePattern: String?
    public let settings: HTTPSettings
    public let client: HTTPClient
    /// `host:port` of the management API, the target's `instance` label.
    public let instance: String
    let pageSize: Int
    private let pattern: AnchoredRegex?
    /// Sent when `settings` carry no credentials (the URL's user info, or guest/guest).
    let fallbackAuthorization: HTTPAuthorization?

    static let columns = [
        "name", "vhost", "messages", "messages_ready", "messages_unacknowledged", "consumers",
        "message_stats.publish", "message_stats.publish_details.rate",
        "message_stats.deliver_get", "message_stats.deliver_get_details.rate",
    ].joined(separator: ",")

    /// Pages beyond this are not fetched (100 000 queues at the default page size).
    static let maxPages = 200

    public init(managementURL: String, vhost: String?, queuePattern: String?, settings: HTTPSettings,
                client: HTTPClient, instance: String, fallbackAuthorization: HTTPAuthorization? = nil,
                pageSize: Int = 500) throws(PollError) {
        self.managementURL = managementURL.hasSuffix("/") ? String(managementURL.dropLast()) : managementURL
        self.vhost = vhost
        self.queuePattern = queuePattern
        self.settings = settings
        self.client = client
        self.instance = instance
        self.fallbackAuthorization = fallbackAuthorization
        self.pageSize = max(1, min(pageSize, 500))
        if let queuePattern {
            do { pattern = try AnchoredRegex(queuePattern) } catch {
                throw PollError("queues: invalid regular expression: \(queuePattern)")
            }
        } else {
            pattern = nil
        }
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        var readings: [QueueReading] = []
        var counters: [QueueCounter] = []
        var page = 1
        while true {
            let json = try await BrokerHTTP.getJSON(url(page: page), settings: settings, client: client, deadline: deadline,
                                                    fallbackAuthorization: fallbackAuthorization, explain: explain)
            let parsed = try RabbitMQQueuePage(json)
            for q in parsed.queues where matches(q.name) {
                readings.append(q.reading)
                counters += q.counters
            }
            guard let count = parsed.pageCount, page < count, page < Self.maxPages else { break }
            page += 1
        }
        return PollPayload(body: QueueReading.exposition(readings) + QueueCounter.exposition(counters))
    }

    func url(page: Int) -> String {
        var path = managementURL + "/api/queues"
        if let vhost { path += "/" + Self.encodePathSegment(vhost) }
        return path + "?page=\(page)&page_size=\(pageSize)&columns=\(Self.columns)"
    }

    private func matches(_ name: String) -> Bool {
        pattern?.matches(name) ?? true
    }

    private func explain(_ status: Int, _ reason: String?) -> String? {
        let suffix = reason.map { " (\($0))" } ?? ""
        switch status {
        case 401: return "RabbitMQ at \(instance): authentication failed (check user and password)"
        case 403: return "RabbitMQ at \(instance): access refused: the user needs the management or monitoring tag and access to the vhost\(suffix)"
        case 404 where vhost != nil:
            return "RabbitMQ at \(instance): vhost \"\(vhost ?? "")\" not found (or the management API is not at \(managementURL))"
        case 404: return "RabbitMQ at \(instance): no management API at \(managementURL) (is rabbitmq_management enabled?)"
        default: return nil
        }
    }

    /// Percent-encodes everything but unreserved characters: the default vhost `/` is `%2F`.
    static func encodePathSegment(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
