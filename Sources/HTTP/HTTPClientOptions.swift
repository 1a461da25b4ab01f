/// Settings shared by all requests of one `HTTPClient`.
public struct HTTPClientOptions: Sendable {
    /// `User-Agent` sent unless the request sets one.
    public var userAgent: String
    /// Limit on the response head (status line and headers), and on chunked trailers.
    public var maxHeaderBytes: Int
    /// Redirects followed before failing with `stopped after N redirects` (Go's default is 10).
    public var maxRedirects: Int
    /// Ask for gzip (`Accept-Encoding: gzip`), Prometheus's `enable_compression`.
    public var enableCompression: Bool
    public var tls: TLSOptions

    public init(userAgent: String = "Vigil/0.1", maxHeaderBytes: Int = 1 << 20, maxRedirects: Int = 10,
                enableCompression: Bool = true, tls: TLSOptions = TLSOptions()) {
        self.userAgent = userAgent
        self.maxHeaderBytes = maxHeaderBytes
        self.maxRedirects = maxRedirects
        self.enableCompression = enableCompression
        self.tls = tls
    }
}
