import TLS

/// What one exchange on one connection produced, before content decoding and redirect handling.
struct RawResponse: Sendable {
    var status: Int
    var reason: String
    var headers: HTTPHeaders
    /// The body with transfer coding removed but content coding (gzip) still applied.
    var body: [UInt8]
    var connectedAt: MonotonicTime?
    var firstByteAt: MonotonicTime
    var reusedConnection: Bool
}

/// The end of one exchange: a response or a failure, and whether the failure happened on a reused
/// connection before any response byte (the server had closed it while idle), so that a fresh
/// connection may be tried, as Go's transport does for idempotent requests.
struct ExchangeOutcome: Sendable {
    var result: Result<RawResponse, HTTPError.Kind>
    var staleConnection: Bool
    /// The TLS handshake showed a server that needs TLS 1.2 or a HelloRetryRequest (see `TLSFailure`).
    var tlsVersionProblem: String? = nil
}

/// Everything the event loop needs for one request on one connection.
struct ExchangeSpec: Sendable {
    /// Key of the idle pool: `host:port`, for https with the TLS settings appended.
    var poolKey: String
    /// `host:port`, for error texts.
    var hostPort: String
    var addresses: [SocketAddress]
    var request: [UInt8]
    var isHEAD: Bool
    var limits: ResponseParser.Limits
    var deadline: MonotonicTime
    /// For https: what the TLS handshake sends and verifies. Nil for plain http.
    var tls: TLSClientConnection.Configuration? = nil
}
