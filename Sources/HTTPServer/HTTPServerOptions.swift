/// Limits and timeouts of an `HTTPServer`. The defaults suit a local API or metrics endpoint: they
/// bound memory per connection and cut off clients that trickle bytes (slowloris) or stop reading.
public struct HTTPServerOptions: Sendable {
    /// Most bytes of a request line plus its header fields; larger heads get `431`.
    public var maxHeaderBytes: Int
    /// Most header fields in one request; more get `431`.
    public var maxHeaderCount: Int
    /// Most bytes of a request body (after chunked decoding); larger bodies get `413`.
    public var maxBodyBytes: Int
    /// Time from a request's first byte (or from accepting the connection) to the end of its head.
    public var headerTimeout: Duration
    /// Time from the end of a request's head to the end of its body.
    public var bodyTimeout: Duration
    /// How long a kept-alive connection may wait for its next request.
    public var idleTimeout: Duration
    /// Time to write one response; a client that stops reading is dropped after it.
    public var writeTimeout: Duration
    /// Open connections at most. When full, the longest-idle kept-alive connection is closed for a
    /// new one, or the new one gets `503` and is closed.
    public var maxConnections: Int
    /// 0 (the default): the handler runs on the event-loop thread, one request at a time, so it must
    /// be quick. N > 0: N worker threads run handlers; the loop keeps serving other connections.
    public var handlerThreads: Int
    /// The `Server` header field; nil sends none.
    public var serverName: String?

    public init(maxHeaderBytes: Int = 64 * 1024, maxHeaderCount: Int = 128, maxBodyBytes: Int = 8 << 20,
                headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30),
                maxConnections: Int = 512, handlerThreads: Int = 0, serverName: String? = nil) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.maxConnections = maxConnections
        self.handlerThreads = handlerThreads
        self.serverName = serverName
    }
}
