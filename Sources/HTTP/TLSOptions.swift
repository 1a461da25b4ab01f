import Foundation

/// TLS settings of one client, named as in Prometheus's `tls_config`.
///
/// `https://` goes through our own TLS 1.3 client (module `TLS`) on the socket client's event loop, which
/// honours `ca_file` (replacing the system bundle, as Prometheus does), `insecure_skip_verify` and
/// `server_name` (sent as SNI and verified). Client certificates (`cert_file`, `key_file`) are not
/// supported yet and are refused with a reason, never silently ignored.
///
/// A server that speaks only TLS 1.2 (or wants a HelloRetryRequest) is handed to Foundation's URLSession
/// (libcurl with OpenSSL on Linux) as before, but only when no option needs our client: URLSession can
/// only verify against libcurl's system CA bundle with the URL's host name, so with such an option set
/// the request fails with a clear error instead.
public struct TLSOptions: Sendable, Equatable {
    /// PEM file with CA certificates to trust (`ca_file`).
    public var caFile: String?
    /// PEM client certificate and key (`cert_file`, `key_file`).
    public var certFile: String?
    public var keyFile: String?
    /// Do not verify the server's certificate (`insecure_skip_verify`). Must be set explicitly.
    public var insecureSkipVerify: Bool
    /// Name to verify the certificate against (`server_name`).
    public var serverName: String?

    public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil,
                insecureSkipVerify: Bool = false, serverName: String? = nil) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
    }

    /// Where the system CA bundle lives on the usual distributions (Debian/Ubuntu first), which is also
    /// the order FoundationNetworking tries them for libcurl.
    static let systemBundleCandidates = [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/ca-bundle.pem",
        "/usr/share/ssl/certs/ca-bundle.crt",
        "/usr/local/share/certs/ca-root-nss.crt",
        "/etc/ssl/cert.pem",
    ]

    /// The system CA bundle on this machine (links resolved), if any.
    static let systemBundle: String? = {
        for path in systemBundleCandidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            }
        }
        return nil
    }()

    /// Whether `ca_file` asks for exactly the trust URLSession already has: the system bundle itself.
    var caFileIsSystemBundle: Bool {
        guard let caFile, let system = TLSOptions.systemBundle else { return false }
        return URL(fileURLWithPath: caFile).resolvingSymlinksInPath().path == system
    }

    /// The options set for requests to `host` that only our own TLS client can honour (URLSession, the
    /// fallback for TLS 1.2 servers, cannot): a `ca_file` other than the system bundle,
    /// `insecure_skip_verify`, a `server_name` other than the host.
    func ownClientOptions(host: String) -> [String] {
        var names: [String] = []
        if caFile != nil && !caFileIsSystemBundle { names.append("ca_file") }
        if insecureSkipVerify { names.append("insecure_skip_verify") }
        if let serverName, !serverName.isEmpty, !TLSOptions.sameHost(serverName, host) { names.append("server_name") }
        return names
    }

    /// Why these options cannot be honoured for requests to `host`, or nil when they can. Only client
    /// certificates are refused; the host is kept in the signature for callers that check per host.
    public func unsupportedReason(host: String?) -> String? {
        var names: [String] = []
        if certFile != nil { names.append("cert_file") }
        if keyFile != nil { names.append("key_file") }
        guard !names.isEmpty else { return nil }
        return "tls_config \(names.joined(separator: ", ")) is not supported yet: Vigil's TLS client cannot present a client certificate yet"
    }

    /// Why these options cannot be honoured whatever the host.
    public var unsupportedReason: String? { unsupportedReason(host: nil) }

    /// Host names compare case-insensitively; an IPv6 literal may come with or without brackets.
    static func sameHost(_ a: String, _ b: String) -> Bool {
        func plain(_ s: String) -> String {
            var t = s.lowercased()
            if t.hasPrefix("[") && t.hasSuffix("]") { t = String(t.dropFirst().dropLast()) }
            if t.hasSuffix(".") { t = String(t.dropLast()) }
            return t
        }
        return plain(a) == plain(b)
    }
}
