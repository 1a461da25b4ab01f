/// Everything that can go wrong talking to Redis. Messages name the server by `host:port` and carry
/// the server's own error text where there is one; they never contain credentials.
public enum RedisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `redis://` URL that does not parse; the reason never quotes the user info.
    case invalidURL(String)
    /// `rediss://` (TLS) was asked for; no TLS implementation is available to us on Linux.
    case tlsUnsupported(address: String)
    case resolveFailed(address: String, reason: String)
    case connectFailed(address: String, reason: String)
    case connectTimeout(address: String, seconds: Double)
    /// A round trip (pipeline) did not complete within its timeout; the connection was dropped.
    case timeout(address: String, seconds: Double)
    /// The server closed (or reset) the connection; the next call reconnects.
    case connectionClosed(address: String)
    case io(address: String, reason: String)
    /// The server sent bytes that are not valid RESP2, or broke a decoder limit.
    case protocolError(address: String, RESPProtocolError)
    /// The server sent a reply we did not ask for.
    case unexpectedReply(address: String)
    /// `AUTH` was refused (`WRONGPASS`, `ERR invalid password`, ...): the server's text.
    case authenticationFailed(address: String, message: String)
    /// An error reply (`-ERR`, `-WRONGTYPE`, `-NOAUTH`, ...) to a command whose result was needed: the server's text.
    case server(address: String, message: String)
    /// A command with no arguments, or a reply of a shape the caller cannot use.
    case invalidCommand(String)
    case unexpectedReplyType(address: String, command: String, reply: String)
    /// A helper's safety bound was reached (e.g. `SCAN` matching more keys than allowed).
    case limitExceeded(address: String, String)
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let reason): return "invalid Redis URL: \(reason)"
        case .tlsUnsupported(let a): return "redis \(a): rediss:// (TLS) is not supported: no TLS implementation is available to Vigil on this platform"
        case .resolveFailed(let a, let r): return "redis \(a): cannot resolve host: \(r)"
        case .connectFailed(let a, let r): return "redis \(a): cannot connect: \(r)"
        case .connectTimeout(let a, let s): return "redis \(a): connect timed out after \(Self.seconds(s))"
        case .timeout(let a, let s): return "redis \(a): no reply within \(Self.seconds(s))"
        case .connectionClosed(let a): return "redis \(a): connection closed by the server"
        case .io(let a, let r): return "redis \(a): \(r)"
        case .protocolError(let a, let e): return "redis \(a): \(e)"
        case .unexpectedReply(let a): return "redis \(a): server sent a reply that was not asked for"
        case .authenticationFailed(let a, let m): return "redis \(a): authentication failed: \(m)"
        case .server(let a, let m): return "redis \(a): \(m)"
        case .invalidCommand(let m): return "invalid Redis command: \(m)"
        case .unexpectedReplyType(let a, let c, let r): return "redis \(a): unexpected reply to \(c): \(r)"
        case .limitExceeded(let a, let m): return "redis \(a): \(m)"
        case .cancelled: return "redis request cancelled"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s.isFinite && abs(s) < 1e9 && s == s.rounded() ? "\(Int(s))s" : "\(s)s"
    }
}
