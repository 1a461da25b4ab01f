/// One complete request as the handler sees it: the parsed head, the whole body (Content-Length or
/// chunked, already decoded) and the peer's address.
public struct HTTPServerRequest: Sendable {
    /// `GET`, `POST`... as sent (methods are case-sensitive).
    public var method: String
    /// The request target as sent: `/api/v1/query?query=up`.
    public var target: String
    /// The target's path, percent-decoded: `/api/v1/query`. `*` for `OPTIONS *`.
    public var path: String
    /// The raw query after `?` (not decoded), or empty.
    public var query: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    /// Header fields in order, names as the client wrote them.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The client: `127.0.0.1:53122`.
    public var remoteAddress: String
    /// The listener that took the connection: `127.0.0.1:9464`.
    public var localAddress: String

    public init(method: String, target: String, minorVersion: Int = 1, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], remoteAddress: String = "", localAddress: String = "") {
        self.method = method
        self.target = target
        let parts = RequestTarget(target)
        self.path = parts.path
        self.query = parts.query
        self.minorVersion = minorVersion
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.localAddress = localAddress
    }

    /// The first value of header `name` (ASCII case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.same($0.name, name) }?.value
    }

    /// Every value of header `name`, in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { HeaderName.same($0.name, name) }.map(\.value)
    }
}
