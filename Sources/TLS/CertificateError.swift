/// Why a certificate chain or PEM bundle was refused. Messages name certificates by subject common name
/// and never contain key material.
public enum CertificateError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedPEM(line: Int, reason: String)
    case malformedCertificate(index: Int, DERError)
    case emptyChain
    case expired(subject: String, notAfter: Int64)
    case notYetValid(subject: String, notBefore: Int64)
    case unknownAuthority(subject: String, issuer: String)
    case notAuthorizedToSign(subject: String)
    case pathLengthExceeded(subject: String)
    case incompatibleUsage(subject: String)
    case unhandledCriticalExtension(subject: String, oid: String)
    case hostnameMismatch(host: String, names: [String])
    case tooManySignatureChecks

    public var description: String {
        switch self {
        case let .malformedPEM(line, reason): return "PEM line \(line): \(reason)"
        case let .malformedCertificate(index, error): return "certificate \(index): \(error)"
        case .emptyChain: return "the peer sent no certificate"
        case let .expired(subject, notAfter): return "certificate \"\(subject)\" expired at \(notAfter) (Unix seconds)"
        case let .notYetValid(subject, notBefore): return "certificate \"\(subject)\" is not valid before \(notBefore) (Unix seconds)"
        case let .unknownAuthority(subject, issuer):
            return "certificate \"\(subject)\" is signed by unknown authority \"\(issuer)\""
        case let .notAuthorizedToSign(subject): return "certificate \"\(subject)\" is not a CA but signed another certificate"
        case let .pathLengthExceeded(subject): return "path length constraint of \"\(subject)\" exceeded"
        case let .incompatibleUsage(subject): return "certificate \"\(subject)\" is not valid for TLS server authentication"
        case let .unhandledCriticalExtension(subject, oid): return "certificate \"\(subject)\" has unhandled critical extension \(oid)"
        case let .hostnameMismatch(host, names):
            return "certificate is valid for \(names.isEmpty ? "no names" : names.joined(separator: ", ")), not \(host)"
        case .tooManySignatureChecks: return "too many signature checks while building a chain"
        }
    }
}
