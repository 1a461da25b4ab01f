import Exposition
import HTTP

/// A Prometheus scrape over HTTP(S): the `Accept` header Prometheus sends, gzip, credentials,
/// custom headers, a body size limit, and the format chosen from the response's Content-Type.
public struct ScrapeSource: PollSource {
    public let url: String
    public let settings: HTTPSettings
    public let client: HTTPClient
    /// Sent as `X-Prometheus-Scrape-Timeout-Seconds`, as Prometheus does.
    public let timeout: Duration
    /// The request without credentials, built once (parsing the URL every poll is measurable at
    /// hundreds of targets a second), or why the URL is unusable.
    private let template: Result<HTTPRequest, PollError>

    public init(url: String, settings: HTTPSettings = HTTPSettings(), client: HTTPClient, timeout: Duration) {
        self.url = url
        self.settings = settings
        self.client = client
        self.timeout = timeout
        do {
            var request = try HTTPRequest.get(url)
            request.headers.set("Accept", ExpositionFormat.defaultAcceptHeader)
            request.headers.set("X-Prometheus-Scrape-Timeout-Seconds", GoSeconds.format(timeout))
            template = .success(request)
        } catch {
            template = .failure(PollError("\(error)"))
        }
    }

    /// `HTTPClient` bounds resolving, connecting and the whole body by the timeout it is given.
    public var keepsDeadline: Bool { true }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        var request = try template.get()
        try settings.apply(to: &request)
        let left = deadline - .now
        guard left > .zero else { throw PollError("Get \"\(request.url.redacted)\": context deadline exceeded") }
        let response: HTTPResponse
        do {
            response = try await client.send(request, timeout: left, bodyLimit: settings.bodySizeLimit)
            try response.requireOK()
        } catch {
            throw PollError(error.description)
        }
        return PollPayload(body: response.body, format: ExpositionFormat.negotiate(contentType: response.contentType))
    }
}

/// Seconds as Prometheus prints the scrape timeout header (`10`, `0.5`).
enum GoSeconds {
    static func format(_ d: Duration) -> String {
        let s = d.seconds
        return s == s.rounded() ? String(Int(s)) : String(s)
    }
}
