/// A complete response: status, headers and the decoded body (gzip/deflate already undone). 4xx and 5xx
/// statuses are responses too; `requireSuccess()` turns them into Prometheus's error text.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// The reason phrase as the server sent it (`Internal Server Error`), possibly empty.
    public var reason: String
    public var headers: HTTPHeaders
    /// The body after transfer and content decoding.
    public var body: [UInt8]
    /// The URL that produced this response (after redirects).
    public var url: HTTPURL
    public var timing: HTTPTiming

    public init(status: Int, reason: String, headers: HTTPHeaders, body: [UInt8], url: HTTPURL, timing: HTTPTiming) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.url = url
        self.timing = timing
    }

    /// The `Content-Type` header, if any.
    public var contentType: String? { headers["Content-Type"] }

    /// `200 OK`, as Go's `resp.Status`.
    public var statusText: String { HTTPError.statusLine(status, reason) }

    /// Throws `server returned HTTP status ...` unless the status is 2xx.
    public func requireSuccess(method: String = "GET") throws(HTTPError) {
        guard (200..<300).contains(status) else {
            throw HTTPError(.status(code: status, text: reason), method: method, redactedURL: url.redacted)
        }
    }

    /// Throws `server returned HTTP status ...` unless the status is exactly 200, as Prometheus's scraper does.
    public func requireOK(method: String = "GET") throws(HTTPError) {
        guard status == 200 else {
            throw HTTPError(.status(code: status, text: reason), method: method, redactedURL: url.redacted)
        }
    }
}
