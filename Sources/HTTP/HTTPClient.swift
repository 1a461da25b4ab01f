import Synchronization
import TLS

/// The one front door for HTTP: `send` runs `http://` and `https://` on our socket client (one event-loop
/// thread for all requests, kept-alive connections per `host:port`, our TLS 1.3 client for https) and
/// hands TLS 1.2-only servers to URLSession when no `tls_config` option needs our client; it follows
/// redirects like Go's client, undoes gzip, and enforces one deadline and one body size limit for the
/// whole call.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    /// URLSession, for TLS 1.2-only servers (see `TLSFallbackMemory`).
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
        case .http where urlSessionForHTTP:
            result = await urlSession().perform(request, authorization: authorization, userAgent: options.userAgent,
                                                bodyLimit: limit, deadline: deadline)
        case .http:
            result = await sockets(request, authorization: authorization, limit: limit, deadline: deadline,
                                   poolKey: request.url.hostPort, tls: nil).result
        case .https:
            result = await secure(request, authorization: authorization, limit: limit, deadline: deadline)
        }
        switch result {
        case .success(let raw): return raw
        case .failure(let kind): throw request.error(kind)
        }
    }

    /// https: our TLS client on the event loop; URLSession for servers that need TLS 1.2 (or a
    /// HelloRetryRequest) when no `tls_config` option needs our client, remembered per `host:port`.
    private func secure(_ request: HTTPRequest, authorization: HTTPAuthorization?, limit: Int,
                        deadline: MonotonicTime) async -> Result<RawResponse, HTTPError.Kind> {
        let host = request.url.host
        if let reason = options.tls.unsupportedReason(host: host) { return .failure(.unsupported(reason)) }
        let hostPort = request.url.hostPort
        let ownOptions = options.tls.ownClientOptions(host: host)
        if ownOptions.isEmpty, TLSFallbackMemory.shared.reason(for: hostPort) != nil {
            return await urlSession().perform(request, authorization: authorization, userAgent: options.userAgent,
                                              bodyLimit: limit, deadline: deadline)
        }
        let connection: (configuration: TLSClientConnection.Configuration, poolKey: String)
        do {
            connection = try options.tls.connection(host: host, hostPort: hostPort)
        } catch {
            return .failure(error)
        }
        let outcome = await sockets(request, authorization: authorization, limit: limit, deadline: deadline,
                                    poolKey: connection.poolKey, tls: connection.configuration)
        guard let problem = outcome.tlsVersionProblem else { return outcome.result }
        guard ownOptions.isEmpty else { return .failure(TLSFailure.unsupportedVersion(problem, options: ownOptions)) }
        TLSFallbackMemory.shared.remember(hostPort, reason: problem)
        return await urlSession().perform(request, authorization: authorization, userAgent: options.userAgent,
                                          bodyLimit: limit, deadline: deadline)
    }

    private func sockets(_ request: HTTPRequest, authorization: HTTPAuthorization?, limit: Int, deadline: MonotonicTime,
                         poolKey: String, tls: TLSClientConnection.Configuration?) async -> ExchangeOutcome {
        let bytes: [UInt8]
        do {
            bytes = try RequestEncoder.encode(request, authorization: authorization, userAgent: options.userAgent,
                                              acceptEncoding: options.enableCompression && ContentDecoder.canDecodeGzip ? "gzip" : nil)
        } catch {
            return ExchangeOutcome(result: .failure(error), staleConnection: false)
        }
        let limits = ResponseParser.Limits(maxHeaderBytes: options.maxHeaderBytes, maxBodyBytes: limit,
                                           maxEncodedBodyBytes: ContentDecoder.encodedLimit(for: limit))
        return await SocketTransport.perform(request, bytes: bytes, limits: limits, deadline: deadline, poolKey: poolKey, tls: tls)
    }

    /// The URLSession transport, created on first use.
    private func urlSession() -> URLSessionTransport {
        https.withLock { t in
            if let t { return t }
            let created = URLSessionTransport()
            t = created
            return created
        }
    }
}
