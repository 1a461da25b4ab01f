/// Where the time of one `send` went. Durations are measured on the monotonic clock from the start of
/// `send`; they include redirects and DNS.
public struct HTTPTiming: Sendable, Equatable {
    /// Time until the TCP connection of the final hop was established; nil when a pooled one was reused
    /// (or the HTTPS stack does not report it).
    public var connect: Duration?
    /// Time until the first byte of the final response arrived.
    public var firstByte: Duration
    /// Time until the whole body was read and decoded.
    public var total: Duration
    /// Whether the final hop reused a kept-alive connection.
    public var reusedConnection: Bool
    /// Number of redirects followed.
    public var redirects: Int

    public init(connect: Duration?, firstByte: Duration, total: Duration, reusedConnection: Bool, redirects: Int) {
        self.connect = connect
        self.firstByte = firstByte
        self.total = total
        self.reusedConnection = reusedConnection
        self.redirects = redirects
    }
}
