import Synchronization

/// The one front door for HTTP: `send` picks the socket client for `http://` (one event-loop thread for
/// all requests, kept-alive connections per `host:port`) and URLSession for `https://`, follows redirects
/// like Go's client, undoes gzip, and enforces one deadline and one body size limit for the whole call.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    private let https = Mutex<URLSessionTransport?>(nil)
    /// Sends `http://` through URLSession too: lets tests exercise the HTTPS path's limits on loopback.
    let urlSessionForHTTP: Bool

    public init(options: HTTPClientOptions = HTTPClientOptions()) {
        self.options = options
        self.urlSessionForHTTP = false
    }

    init(options: HTTPClientOptions = HTTPClientOptions(), urlSessionForHTTP: Bool) {
        self.options = options
        self.urlSessionForHTTP = urlSessionForHTTP
    }

    /// Sends `request` and returns the final response (after redirects) with its decoded body.
    /// - Parameters:
    ///   - timeout: for everything: DNS, connect, send, every redirect hop and the whole body.
    ///   - bodyLimit: maximum body size in bytes, both on the wire and after decompression; 0 or less
    ///     means no limit, as Prometheus's `body_size_limit: 0`.
    /// 4xx/5xx come back as responses; see `HTTPResponse.requireSuccess()`.
    public func send(_ request: HTTPRequest, timeout: Duration, bodyLimit: Int) async throws(HTTPError) -> HTTPResponse {
        let start = MonotonicTime.now()
        let deadline = start.adding(timeout)
        let limit = bodyLimit > 0 ? bodyLimit : Int.max
        var current = request
        var authorization = request.effectiveAuthorization
        let initialHost = request.url.host
        var redirects = 0
        while true {
            let raw = try await exchange(current, authorization: authorization, limit: limit, deadline: deadline)
            if current.followRedirects, let next = try redirect(from: current, response: raw, redirects: redirects) {
                redirects += 1
                if authorization != nil && !HTTPClient.mayForwardCredentials(from: initialHost, to: next.url.host) {
                    authorization = nil
                }
                current = next
                continue
            }
            let body: [UInt8]
            do {
                body = try ContentDecoder.decode(raw.body, encoding: raw.headers["Content-Encoding"], limit: limit)
            } catch {
                throw current.error(error)
            }
            let end = MonotonicTime.now()
            let timing = HTTPTiming(connect: raw.connectedAt.map { $0.since(start) }, firstByte: raw.firstByteAt.since(start),
                                    total: end.since(start), reusedConnection: raw.reusedConnection, redirects: redirects)
            return HTTPResponse(status: raw.status, reason: raw.reason, headers: raw.headers, body: body, url: current.url, timing: timing)
        }
    }

    /// `GET url` with the given timeout and body limit.
    public func get(_ url: String, headers: HTTPHeaders = HTTPHeaders(), timeout: Duration, bodyLimit: Int) async throws(HTTPError) -> HTTPResponse {
        try await send(try HTTPRequest.get(url, headers: headers), timeout: timeout, bodyLimit: bodyLimit)
    }

    /// One hop, on the transport for the URL's scheme.
    private func exchange(_ request: HTTPRequest, authorization: HTTPAuthorization?, limit: Int,
                          deadline: MonotonicTime) async throws(HTTPError) -> RawResponse {
        let result: Result<RawResponse, HTTPError.Kind>
        switch request.url.scheme {
        case .http where !urlSessionForHTTP:
            let bytes: [UInt8]
            do {
                bytes = try RequestEncoder.encode(request, authorization: authorization, userAgent: options.userAgent,
                                                  acceptEncoding: options.enableCompression && ContentDecoder.canDecodeGzip ? "gzip" : nil)
            } catch {
                throw request.error(error)
            }
            let limits = ResponseParser.Limits(maxHeaderBytes: options.maxHeaderBytes, maxBodyBytes: limit,
                                               maxEncodedBodyBytes: ContentDecoder.encodedLimit(for: limit))
            result = await SocketTransport.perform(request, bytes: bytes, limits: limits, deadline: deadline)
        case .http, .https:
            if let reason = options.tls.unsupportedReason(host: request.url.host) { throw request.error(.unsupported(reason)) }
            let transport = https.withLock { t in
                if let t { return t }
                let created = URLSessionTransport()
                t = created
                return created
            }
            result = await transport.perform(request, authorization: authorization, userAgent: options.userAgent,
                                              bodyLimit: limit, deadline: deadline)
        }
        switch result {
        case .success(let raw): return raw
        case .failure(let kind): throw request.error(kind)
        }
    }
}
