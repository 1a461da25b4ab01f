import TLS

/// Turns a failed TLS handshake or record into the error the caller sees, worded like Go's `crypto/tls`
/// errors that Prometheus shows (`tls: failed to verify certificate: x509: …`, `remote error: tls: …`),
/// and decides whether the failure shows a server our TLS 1.3 client cannot talk to but URLSession can.
struct TLSFailure {
    var kind: HTTPError.Kind
    /// Set when the server speaks only TLS 1.2 or older, or offers no x25519 key share without us being
    /// able to retry: the reason, for the fallback to URLSession or for the error when none is allowed.
    var versionProblem: String?

    init(_ error: TLSConnectionError, beforeServerHello: Bool, hostPort: String) {
        switch error {
        case .certificate(let e):
            kind = .tls("failed to verify certificate: x509: \(e)")
        case .alertReceived(let alert):
            kind = .tls("remote error: tls: \(alert)")
        case .handshake(let alert, let reason):
            kind = .tls(reason + (alert == .internalError ? "" : " (\(alert))"))
        case .record(let e):
            kind = .tls("\(e)")
        case .closed:
            kind = .tls("connection closed")
        }
        versionProblem = nil
        switch error {
        case .alertReceived(.protocolVersion) where beforeServerHello:
            versionProblem = "server \(hostPort) does not speak TLS 1.3 (it answered protocol_version)"
        case .alertReceived(.handshakeFailure) where beforeServerHello:
            // A TLS 1.2-only server finds none of our TLS 1.3 suites; a TLS 1.3 server without x25519
            // cannot ask for another group we support. Either way URLSession can do better.
            versionProblem = "server \(hostPort) does not accept a TLS 1.3 handshake with x25519 (it answered handshake_failure); it probably speaks only TLS 1.2"
        case .alertReceived(.insufficientSecurity) where beforeServerHello:
            versionProblem = "server \(hostPort) refused our TLS 1.3 offer (insufficient_security)"
        case .handshake(.protocolVersion, _) where beforeServerHello:
            versionProblem = "server \(hostPort) negotiated a TLS version older than 1.3"
        case .handshake(.handshakeFailure, let reason) where beforeServerHello && reason.contains("HelloRetryRequest"):
            versionProblem = "server \(hostPort) sent a HelloRetryRequest"
        default:
            break
        }
    }

    /// The error when the server needs TLS 1.2 (or a HelloRetryRequest) but `options` (named) need our
    /// TLS client, so URLSession cannot take over.
    static func unsupportedVersion(_ problem: String, options: [String]) -> HTTPError.Kind {
        .tls("\(problem); TLS 1.2 and HelloRetryRequest are not supported yet by Vigil's TLS client, which "
            + "tls_config \(options.joined(separator: ", ")) needs (URLSession, used for such servers otherwise, cannot honour it)")
    }
}
