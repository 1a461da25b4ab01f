/// Verifies a server's certificate chain as Go's crypto/x509 does for TLS clients (RFC 5280 path
/// validation subset): builds a path from the leaf through the presented intermediates to a trusted root,
/// checking signatures, validity periods, CA flags, path lengths, key usage, serverAuth extended key usage
/// and unknown critical extensions; then matches the host name against the leaf's subjectAltName (no
/// common-name fallback, wildcards only as a whole leftmost label). Work is bounded: at most 8
/// certificates deep and 100 signature checks.
public struct CertificateVerifier: Sendable {
    public let trustStore: TrustStore
    public static let maximumDepth = 8
    public static let maximumSignatureChecks = 100
    static let anyExtendedKeyUsage = "2.5.29.37.0"

    public init(trustStore: TrustStore) { self.trustStore = trustStore }

    /// `chain` is the peer's Certificate message, leaf first. `time` is Unix seconds. Returns the path
    /// found (leaf … root). `hostname` nil skips the name check (for `insecure_skip_verify`-style callers
    /// that still want chain checks, or for client certificates).
    public func verify(chain: [Certificate], hostname: String?, at time: Int64) throws(CertificateError) -> [Certificate] {
        guard let leaf = chain.first else { throw .emptyChain }
        try checkValidity(leaf, at: time)
        try checkCriticalExtensions(leaf)
        if let ekus = leaf.extensions.extendedKeyUsage, !Self.allowsServerAuth(ekus) {
            throw .incompatibleUsage(subject: Self.name(leaf))
        }
        // A leaf that is itself a trust anchor (a pinned self-signed certificate in ca_file) needs no path.
        if trustStore.roots(withSubject: leaf.subject).contains(where: { $0.der == leaf.der }) {
            if let host = hostname { try Self.checkHostname(host, leaf: leaf) }
            return [leaf]
        }
        var budget = Self.maximumSignatureChecks
        var firstError: CertificateError?
        let intermediates = Array(chain.dropFirst())
        if let path = try build(path: [leaf], intermediates: intermediates, at: time, budget: &budget, firstError: &firstError) {
            if let host = hostname { try Self.checkHostname(host, leaf: leaf) }
            return path
        }
        throw firstError ?? .unknownAuthority(subject: Self.name(leaf), issuer: Self.issuerName(leaf, chain: chain))
    }

    /// Depth-first search for an issuer of `path.last`, roots before intermediates.
    private func build(path: [Certificate], intermediates: [Certificate], at time: Int64, budget: inout Int,
                       firstError: inout CertificateError?) throws(CertificateError) -> [Certificate]? {
        guard let current = path.last, path.count <= Self.maximumDepth else { return nil }
        let roots = trustStore.roots(withSubject: current.issuer)
        let candidates = roots.map { ($0, true) } + intermediates.filter { $0.subject == current.issuer }.map { ($0, false) }
        for (candidate, isRoot) in candidates {
            if path.contains(where: { $0.der == candidate.der }) { continue }
            guard budget > 0 else { throw .tooManySignatureChecks }
            budget -= 1
            guard let key = try? SubjectPublicKeyInfo(der: candidate.subjectPublicKeyInfo), current.isSigned(by: key) else { continue }
            do {
                try checkIssuer(candidate, isRoot: isRoot, caBelow: path.count - 1, at: time)
            } catch {
                if firstError == nil { firstError = error }
                continue
            }
            let extended = path + [candidate]
            if isRoot { return extended }
            if let found = try build(path: extended, intermediates: intermediates, at: time, budget: &budget, firstError: &firstError) {
                return found
            }
        }
        return nil
    }

    /// Checks a certificate used as an issuer; `caBelow` is the number of CA certificates between it and the leaf.
    private func checkIssuer(_ cert: Certificate, isRoot: Bool, caBelow: Int, at time: Int64) throws(CertificateError) {
        try checkValidity(cert, at: time)
        try checkCriticalExtensions(cert)
        let ext = cert.extensions
        // v1 roots without basicConstraints are accepted as trust anchors, intermediates never.
        if ext.isCA == false || (ext.isCA == nil && !(isRoot && cert.version == 1)) {
            throw .notAuthorizedToSign(subject: Self.name(cert))
        }
        if let usage = ext.keyUsage, usage & CertificateExtensions.keyCertSign == 0 {
            throw .notAuthorizedToSign(subject: Self.name(cert))
        }
        if let limit = ext.pathLengthConstraint, caBelow > limit { throw .pathLengthExceeded(subject: Self.name(cert)) }
        if let ekus = ext.extendedKeyUsage, !Self.allowsServerAuth(ekus) { throw .incompatibleUsage(subject: Self.name(cert)) }
    }

    private func checkValidity(_ cert: Certificate, at time: Int64) throws(CertificateError) {
        if time < cert.notBefore { throw .notYetValid(subject: Self.name(cert), notBefore: cert.notBefore) }
        if time > cert.notAfter { throw .expired(subject: Self.name(cert), notAfter: cert.notAfter) }
    }

    private func checkCriticalExtensions(_ cert: Certificate) throws(CertificateError) {
        if let oid = cert.extensions.unhandledCritical.first {
            throw .unhandledCriticalExtension(subject: Self.name(cert), oid: oid)
        }
    }

    static func allowsServerAuth(_ ekus: [String]) -> Bool {
        ekus.contains(CertificateExtensions.serverAuth) || ekus.contains(anyExtendedKeyUsage)
    }

    static func name(_ cert: Certificate) -> String { cert.subjectCommonName ?? "(no common name)" }

    static func issuerName(_ cert: Certificate, chain: [Certificate]) -> String {
        // The issuer's CN is not parsed separately; the presented issuer certificate names it if sent.
        chain.first(where: { $0.subject == cert.issuer }).map(name) ?? "(issuer not presented)"
    }

    /// RFC 6125 / Go rules: IP literals match iPAddress entries; DNS names match dNSName entries
    /// case-insensitively, with an optional "*." wildcard covering exactly one leftmost label.
    static func checkHostname(_ host: String, leaf: Certificate) throws(CertificateError) {
        let ext = leaf.extensions
        var bare = host
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if let ip = IPAddress.parse(bare) {
            if ext.ipAddresses.contains(ip) { return }
            throw .hostnameMismatch(host: host, names: ext.ipAddresses.map(IPAddress.format))
        }
        let wanted = bare.lowercased().trimmingTrailingDot()
        for pattern in ext.dnsNames {
            let p = pattern.lowercased().trimmingTrailingDot()
            if p == wanted, !p.isEmpty { return }
            if p.hasPrefix("*."), let dot = wanted.firstIndex(of: "."), dot != wanted.startIndex,
               wanted[wanted.index(after: dot)...] == p.dropFirst(2), p.count > 2 {
                return
            }
        }
        throw .hostnameMismatch(host: host, names: ext.dnsNames + ext.ipAddresses.map(IPAddress.format))
    }
}

extension String {
    fileprivate func trimmingTrailingDot() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
