import Glibc
import TLS

extension TLSOptions {
    /// What our TLS client sends and verifies for a request to `host` (from the URL, IPv6 without
    /// brackets), and the idle-pool key for `hostPort`: connections are shared only between requests
    /// with the same name, trust and verification mode.
    func connection(host: String, hostPort: String) throws(HTTPError.Kind) -> (configuration: TLSClientConnection.Configuration, poolKey: String) {
        var name = host
        if let serverName, !serverName.isEmpty {
            name = serverName
            if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        }
        let verifier: CertificateVerifier?
        let trust: String
        if insecureSkipVerify {
            verifier = nil
            trust = "insecure"
        } else if let caFile {
            verifier = try TrustRoots.shared.verifier(caFile: caFile)
            trust = "ca=" + caFile
        } else {
            verifier = try TrustRoots.shared.systemVerifier()
            trust = "system"
        }
        let configuration = TLSClientConnection.Configuration(serverName: name, verifier: verifier, now: { Int64(time(nil)) })
        return (configuration, "https://\(hostPort) sni=\(name) \(trust)")
    }
}
