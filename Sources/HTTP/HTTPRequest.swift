/// One HTTP request as the caller describes it. `HTTPClient` adds `Host`, `User-Agent`, `Accept-Encoding`,
/// `Content-Length` and `Authorization` when it sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: HTTPURL
    /// Extra header fields, e.g. `Accept` or `Content-Type`. Values must not contain line breaks.
    public var headers: HTTPHeaders
    public var body: [UInt8]?
    /// Credentials; when nil and the URL has user info, that becomes basic auth.
    public var authorization: HTTPAuthorization?
    /// Follow 3xx redirects (Prometheus's `follow_redirects`, default true).
    public var followRedirects: Bool

    public init(method: String = "GET", url: HTTPURL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil,
                authorization: HTTPAuthorization? = nil, followRedirects: Bool = true) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.authorization = authorization
        self.followRedirects = followRedirects
    }

    /// A GET request for `url`.
    public static func get(_ url: String, headers: HTTPHeaders = HTTPHeaders()) throws(HTTPError) -> HTTPRequest {
        HTTPRequest(url: try HTTPURL(url), headers: headers)
    }

    /// A POST request with a JSON body (`Content-Type: application/json`).
    public static func postJSON(_ url: String, body: [UInt8]) throws(HTTPError) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json")
        return HTTPRequest(method: "POST", url: try HTTPURL(url), headers: headers, body: body)
    }

    /// The credentials to send: the explicit ones, else the URL's user info as basic auth.
    var effectiveAuthorization: HTTPAuthorization? {
        if let authorization { return authorization }
        if let user = url.user { return .basic(username: user, password: url.password ?? "") }
        return nil
    }

    func error(_ kind: HTTPError.Kind) -> HTTPError {
        HTTPError(kind, method: method, redactedURL: url.redacted)
    }
}
