/// The TLS 1.3 Certificate message (RFC 8446 §4.4.2): request context and the DER certificates, leaf
/// first (per-entry extensions such as OCSP staples are skipped).
public struct CertificateMessage: Sendable {
    public let requestContext: [UInt8]
    public let certificates: [[UInt8]]

    public init(body: ArraySlice<UInt8>) throws(RecordError) {
        var r = TLSByteReader(body)
        requestContext = Array(try r.vector(lengthBytes: 1, "certificate_request_context"))
        var list = TLSByteReader(try r.vector(lengthBytes: 3, "certificate_list"))
        try r.finish("Certificate")
        var certs: [[UInt8]] = []
        while !list.isAtEnd {
            let der = try list.vector(lengthBytes: 3, "cert_data")
            guard !der.isEmpty else { throw .decodeError("empty cert_data") }
            _ = try list.vector(lengthBytes: 2, "CertificateEntry extensions")
            certs.append(Array(der))
        }
        certificates = certs
    }
}
