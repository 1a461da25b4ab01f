/// An address the server listens on, with the port the kernel picked when `:0` was asked for.
public struct HTTPServerAddress: Sendable, Hashable, CustomStringConvertible {
    /// The numeric host: `127.0.0.1`, `::1`, `0.0.0.0`, `::`.
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `127.0.0.1:9464` or `[::1]:9464`.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `http://127.0.0.1:9464`, for clients and log lines.
    public var url: String { "http://\(description)" }
}
