/// Why a request failed, worded like Go's `net/http` errors that Prometheus shows on its targets page
/// (`Get "http://host/metrics": context deadline exceeded`). Never carries credentials: the URL in
/// `description` is redacted and no header value is ever part of the text.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, independent of the request.
    public enum Kind: Error, Sendable, Equatable {
        /// The overall deadline (connect + send + whole body) passed.
        case timeout
        /// The task waiting for the response was cancelled.
        case cancelled
        /// The URL could not be used (`reason` says why).
        case invalidURL(String)
        /// The request itself is malformed (e.g. a header value with a line break).
        case invalidRequest(String)
        /// A host name did not resolve.
        case dns(host: String, reason: String)
        /// Connecting failed (`connection refused`, `network is unreachable`, ...).
        case connect(address: String, reason: String)
        /// Reading or writing failed after connecting (`connection reset by peer`, ...).
        case io(operation: String, address: String, reason: String)
        /// The peer closed the connection before sending a response.
        case eof
        /// The peer closed the connection in the middle of a response.
        case unexpectedEOF
        /// The response is not HTTP/1.x as we understand it.
        case malformedResponse(String)
        /// The response headers are larger than the configured limit.
        case headerSizeLimitExceeded(Int)
        /// The body (on the wire or decoded) is larger than the caller's limit.
        case bodySizeLimitExceeded(Int)
        /// A `Content-Encoding` could not be decoded.
        case decoding(String)
        /// More than the allowed number of redirects.
        case tooManyRedirects(Int)
        /// The TLS layer refused the connection (e.g. an untrusted certificate).
        case tls(String)
        /// A feature that this platform's HTTPS stack cannot provide.
        case unsupported(String)
        /// The server answered with a status the caller treats as failure (see `HTTPResponse.requireSuccess`).
        case status(code: Int, text: String)
    }

    public var kind: Kind
    /// The request's method, e.g. `GET`.
    public var method: String
    /// The request's URL with any password replaced by `xxxxx`, as Go's `url.Redacted` does.
    public var redactedURL: String

    public init(_ kind: Kind, method: String, redactedURL: String) {
        self.kind = kind
        self.method = method
        self.redactedURL = redactedURL
    }

    /// The message alone, without the `Get "url": ` prefix.
    public var reason: String {
        switch kind {
        case .timeout: return "context deadline exceeded"
        case .cancelled: return "context canceled"
        case .invalidURL(let r): return "invalid URL: \(r)"
        case .invalidRequest(let r): return "invalid request: \(r)"
        case .dns(let host, let r): return "dial tcp: lookup \(host): \(r)"
        case .connect(let address, let r): return "dial tcp \(address): connect: \(r)"
        case .io(let op, let address, let r): return "\(op) tcp \(address): \(op): \(r)"
        case .eof: return "EOF"
        case .unexpectedEOF: return "unexpected EOF"
        case .malformedResponse(let r): return "net/http: HTTP/1.x transport connection broken: \(r)"
        case .headerSizeLimitExceeded(let n): return "net/http: server response headers exceeded \(n) bytes; aborted"
        case .bodySizeLimitExceeded: return "body size limit exceeded"
        case .decoding(let r): return r
        case .tooManyRedirects(let n): return "stopped after \(n) redirects"
        case .tls(let r): return "tls: \(r)"
        case .unsupported(let r): return r
        case .status(let code, let text): return "server returned HTTP status \(HTTPError.statusLine(code, text))"
        }
    }

    public var description: String {
        if case .status = kind { return reason }
        return "\(HTTPError.goOperation(method)) \"\(redactedURL)\": \(reason)"
    }

    /// Go's `url.Error.Op`: the method with only its first letter upper case (`Get`, `Post`).
    static func goOperation(_ method: String) -> String {
        guard let first = method.first else { return "Get" }
        return first.uppercased() + method.dropFirst().lowercased()
    }

    /// `500 Internal Server Error`, or just `500` when the server sent no reason phrase.
    static func statusLine(_ code: Int, _ text: String) -> String {
        text.isEmpty ? String(code) : "\(code) \(text)"
    }
}
