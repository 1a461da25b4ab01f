/// TLS settings of one client, named as in Prometheus's `tls_config`. HTTPS goes through Foundation's
/// URLSession, which on Linux (libcurl underneath) verifies servers against the system CA store only and
/// offers no API for a CA file, a client certificate or skipping verification: requests with any of
/// those set fail with a clear `unsupported` error instead of silently ignoring them.
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

    /// Why these options cannot be honoured by this platform's HTTPS stack, or nil when they can.
    public var unsupportedReason: String? {
        var names: [String] = []
        if caFile != nil { names.append("ca_file") }
        if certFile != nil { names.append("cert_file") }
        if keyFile != nil { names.append("key_file") }
        if insecureSkipVerify { names.append("insecure_skip_verify") }
        if serverName != nil { names.append("server_name") }
        guard !names.isEmpty else { return nil }
        return "tls_config \(names.joined(separator: ", ")) is not supported: HTTPS on Linux goes through "
            + "URLSession, which only verifies against the system CA store (add the CA there with update-ca-certificates)"
    }
}
