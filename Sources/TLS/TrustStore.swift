/// The certificates trusted as roots (a CA bundle or a `tls_config.ca_file`), indexed by subject DER.
public struct TrustStore: Sendable {
    public let roots: [Certificate]
    private let bySubject: [[UInt8]: [Int]]

    public init(certificates: [Certificate]) {
        roots = certificates
        var index: [[UInt8]: [Int]] = [:]
        for (i, cert) in certificates.enumerated() { index[cert.subject, default: []].append(i) }
        bySubject = index
    }

    public init(pem: String) throws(CertificateError) {
        self.init(certificates: try PEM.certificates(from: pem))
    }

    func roots(withSubject subject: [UInt8]) -> [Certificate] {
        (bySubject[subject] ?? []).map { roots[$0] }
    }
}
