/// Reads certificates from PEM text (RFC 7468), e.g. a CA bundle like /etc/ssl/certs/ca-certificates.crt
/// or a Prometheus `tls_config.ca_file`. Text outside BEGIN/END blocks is ignored; other block types
/// (keys) are skipped.
public enum PEM {
    /// Every CERTIFICATE block, in order. Fails on a malformed block (bad base64, missing END, bad DER).
    public static func certificates(from text: String) throws(CertificateError) -> [Certificate] {
        var result: [Certificate] = []
        var inBlock = false, isCertificate = false
        var body = ""
        var blockLine = 0
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSuffix { $0 == "\r" || $0 == " " || $0 == "\t" }
            if !inBlock {
                if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                    inBlock = true
                    isCertificate = line == "-----BEGIN CERTIFICATE-----"
                    body = ""
                    blockLine = index + 1
                }
                continue
            }
            if line.hasPrefix("-----END ") {
                inBlock = false
                guard isCertificate else { continue }
                guard line == "-----END CERTIFICATE-----" else {
                    throw .malformedPEM(line: index + 1, reason: "END line does not match BEGIN CERTIFICATE")
                }
                guard let der = Base64.decode(body) else {
                    throw .malformedPEM(line: blockLine, reason: "invalid base64 in CERTIFICATE block")
                }
                do {
                    result.append(try Certificate(der: der))
                } catch {
                    throw .malformedCertificate(index: result.count, error)
                }
                continue
            }
            if isCertificate {
                guard body.utf8.count < 128 * 1024 else { throw .malformedPEM(line: index + 1, reason: "CERTIFICATE block too large") }
                body += line
            }
        }
        if inBlock { throw .malformedPEM(line: blockLine, reason: "BEGIN without END") }
        return result
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var s = self
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return s
    }
}
