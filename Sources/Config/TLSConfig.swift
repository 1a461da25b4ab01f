/// TLS client settings for https sources and notifiers (paths already made absolute).
public struct TLSConfig: Hashable, Sendable {
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    public var serverName: String?
    public var insecureSkipVerify = false
}
