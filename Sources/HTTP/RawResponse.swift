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
}

/// Everything the event loop needs for one request on one connection.
struct ExchangeSpec: Sendable {
    var poolKey: String
    var addresses: [SocketAddress]
    var request: [UInt8]
    var isHEAD: Bool
    var limits: ResponseParser.Limits
    var deadline: MonotonicTime
}
