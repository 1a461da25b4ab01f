import Exposition
import HTTP

/// A JSON endpoint (Spring Boot actuator, Go's `/debug/vars`, a health check): fetched over HTTP(S)
/// with the source's headers, credentials and body limit, parsed, and turned into samples by a
/// `JSONExtractor`.
public struct JSONSource: PollSource {
    /// The body cap when the source sets no `body_size_limit`: a JSON document is held in memory
    /// twice (bytes and tree), so it is never unbounded.
    public static let defaultBodyLimit = 32 << 20

    public let url: String
    public let settings: HTTPSettings
    public let client: HTTPClient
    public let extractor: JSONExtractor

    public init(url: String, extractor: JSONExtractor, settings: HTTPSettings = HTTPSettings(), client: HTTPClient) {
        self.url = url
        self.extractor = extractor
        self.settings = settings
        self.client = client
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        var request: HTTPRequest
        do { request = try HTTPRequest.get(url) } catch { throw PollError("\(error)") }
        request.headers.set("Accept", "application/json")
        try settings.apply(to: &request)
        let left = deadline - .now
        guard left > .zero else { throw PollError("Get \"\(request.url.redacted)\": context deadline exceeded") }
        let limit = settings.bodySizeLimit > 0 ? settings.bodySizeLimit : Self.defaultBodyLimit
        let response: HTTPResponse
        do {
            response = try await client.send(request, timeout: left, bodyLimit: limit)
            try response.requireOK()
        } catch {
            throw PollError(error.description)
        }
        let document: JSONValue
        do { document = try JSONDocument.parse(response.body, maxBytes: limit) } catch {
            throw PollError("\(request.url.redacted): \(error)")
        }
        return PollPayload(body: try extractor.exposition(document), format: .prometheusText)
    }
}
