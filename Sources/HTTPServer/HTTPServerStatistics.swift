/// Counters of a running server, for tests and for a `/metrics` page of its own.
public struct HTTPServerStatistics: Sendable, Equatable {
    /// Connections accepted since start.
    public var acceptedConnections = 0
    /// Connections open now.
    public var openConnections = 0
    /// Requests passed to the handler.
    public var requests = 0
    /// Requests refused with a 4xx/5xx by the server itself (malformed, too large, too slow).
    public var rejectedRequests = 0
    /// Connections closed for a timeout (head, body, idle or write).
    public var timeouts = 0

    public init() {}
}
