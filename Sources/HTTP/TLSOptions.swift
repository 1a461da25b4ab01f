import Foundation

/// TLS settings of one client, named as in Prometheus's `tls_config`.
///
/// HTTPS goes through Foundation's URLSession, which on Linux is libcurl (with OpenSSL) underneath and
/// has no TLS setting at all in swift-corelibs-foundation: no CA file (its `URLSessionCertificateAuthorityInfoFile`
/// variable is read on Android only), no client certificate, no way to skip verification, no SNI name,
/// and no server-trust challenge reaches the delegate. What it does is fixed: it verifies the server's
/// chain against libcurl's built-in CA bundle and the certificate's names against the URL's host. Nor
/// does the environment help: libcurl loads that bundle by path, so OpenSSL's `SSL_CERT_FILE` is never
/// consulted, and OpenSSL's `OPENSSL_CONF` system defaults skip every certificate directive.
///
/// So an option is honoured exactly when it asks for that fixed behaviour, and refused with the reason
/// otherwise (never silently ignored): `ca_file` naming the system bundle libcurl uses, `server_name`
/// equal to the URL's host, `insecure_skip_verify: false`.
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

    /// Where FoundationNetworking and Debian's libcurl look for the system CA bundle, in the order
    /// FoundationNetworking tries them when libcurl has no built-in path.
    static let systemBundleCandidates = [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/usr/share/ssl/certs/ca-bundle.crt",
        "/usr/local/share/certs/ca-root-nss.crt",
        "/etc/ssl/cert.pem",
    ]

    /// The system bundle URLSession verifies against on this machine (links resolved), if any.
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

    /// Why these options cannot be honoured for requests to `host` (nil: any host, `server_name`
    /// unchecked), or nil when they can.
    public func unsupportedReason(host: String?) -> String? {
        var names: [String] = []
        var reasons: [String] = []
        if caFile != nil && !caFileIsSystemBundle {
            names.append("ca_file")
            reasons.append("it verifies servers against the system CA bundle (\(TLSOptions.systemBundle ?? "none found")) only: "
                + "add the CA there (update-ca-certificates) and drop ca_file, or set ca_file to that bundle")
        }
        if certFile != nil || keyFile != nil {
            if certFile != nil { names.append("cert_file") }
            if keyFile != nil { names.append("key_file") }
            reasons.append("it cannot present a client certificate")
        }
        if insecureSkipVerify {
            names.append("insecure_skip_verify")
            reasons.append("it always verifies the server's certificate")
        }
        if let serverName, let host, !TLSOptions.sameHost(serverName, host) {
            names.append("server_name")
            reasons.append("it sends and verifies the URL's host name (\(host)), not \(serverName)")
        }
        guard !names.isEmpty else { return nil }
        return "tls_config \(names.joined(separator: ", ")) is not supported: HTTPS on Linux goes through URLSession, and "
            + reasons.joined(separator: "; ")
    }

    /// Why these options cannot be honoured whatever the host (`server_name` is checked per request).
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
