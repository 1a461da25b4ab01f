import Testing
@testable import TLS

/// Chain building and host-name checks on `TestChain`, evaluated at 2025-01-01T00:00:00Z.
struct CertificateVerifierTests {
    static let now: Int64 = 1_735_689_600

    static func cert(_ hexDER: String) throws -> Certificate { try Certificate(der: hex(hexDER)) }

    static func verifier() throws -> CertificateVerifier {
        CertificateVerifier(trustStore: try TrustStore(pem: TestChain.rootPEM))
    }

    @Test func validChainAndHostnames() throws {
        let v = try Self.verifier()
        let chain = [try Self.cert(TestChain.leaf), try Self.cert(TestChain.inter)]
        let path = try v.verify(chain: chain, hostname: "scrape.internal", at: Self.now)
        #expect(path.map(\.subjectCommonName) == ["scrape.internal", "Vigil Intermediate", "Vigil Root"])
        for host in ["SCRAPE.Internal.", "a.nodes.internal", "10.0.0.5"] {
            #expect(throws: Never.self) { try v.verify(chain: chain, hostname: host, at: Self.now) }
        }
        let names = ["scrape.internal", "*.nodes.internal", "10.0.0.5"]
        for host in ["b.a.nodes.internal", "nodes.internal", ".nodes.internal", "other.internal", "10.0.0.6", "[::1]"] {
            #expect(throws: CertificateError.hostnameMismatch(host: host, names: host.contains(".internal") ? names : ["10.0.0.5"])) {
                try v.verify(chain: chain, hostname: host, at: Self.now)
            }
        }
    }

    @Test func missingIntermediateOrRoot() throws {
        let leaf = try Self.cert(TestChain.leaf)
        #expect(throws: CertificateError.unknownAuthority(subject: "scrape.internal", issuer: "(issuer not presented)")) {
            try Self.verifier().verify(chain: [leaf], hostname: nil, at: Self.now)
        }
        let empty = CertificateVerifier(trustStore: TrustStore(certificates: []))
        #expect(throws: CertificateError.unknownAuthority(subject: "scrape.internal", issuer: "Vigil Intermediate")) {
            try empty.verify(chain: [leaf, try Self.cert(TestChain.inter)], hostname: nil, at: Self.now)
        }
        #expect(throws: CertificateError.emptyChain) { try empty.verify(chain: [], hostname: nil, at: Self.now) }
    }

    @Test func validityPeriods() throws {
        let v = try Self.verifier()
        let inter = try Self.cert(TestChain.inter)
        #expect(throws: CertificateError.expired(subject: "scrape.internal", notAfter: 1_717_200_000)) {
            try v.verify(chain: [try Self.cert(TestChain.expired), inter], hostname: "scrape.internal", at: Self.now)
        }
        #expect(throws: CertificateError.notYetValid(subject: "scrape.internal", notBefore: 1_704_067_200)) {
            try v.verify(chain: [try Self.cert(TestChain.leaf), inter], hostname: nil, at: 1_700_000_000)
        }
    }

    @Test func usageAndConstraints() throws {
        let v = try Self.verifier()
        let inter = try Self.cert(TestChain.inter)
        #expect(throws: CertificateError.incompatibleUsage(subject: "scrape.internal")) {
            try v.verify(chain: [try Self.cert(TestChain.clientonly), inter], hostname: nil, at: Self.now)
        }
        #expect(throws: CertificateError.notAuthorizedToSign(subject: "Not A CA")) {
            try v.verify(chain: [try Self.cert(TestChain.undernotca), try Self.cert(TestChain.notca)], hostname: nil, at: Self.now)
        }
        #expect(throws: CertificateError.pathLengthExceeded(subject: "Vigil Intermediate")) {
            try v.verify(chain: [try Self.cert(TestChain.underinter2), try Self.cert(TestChain.inter2), inter], hostname: nil, at: Self.now)
        }
    }

    @Test func pemParsing() throws {
        let certs = try PEM.certificates(from: "junk\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" + TestChain.rootPEM + "\n" + TestChain.rootPEM)
        #expect(certs.count == 2 && certs[0].der == hex(TestChain.root))
        #expect(throws: CertificateError.malformedPEM(line: 1, reason: "BEGIN without END")) {
            try PEM.certificates(from: "-----BEGIN CERTIFICATE-----\nMIIB\n")
        }
        #expect(throws: CertificateError.malformedPEM(line: 1, reason: "invalid base64 in CERTIFICATE block")) {
            try PEM.certificates(from: "-----BEGIN CERTIFICATE-----\nMI*B\n-----END CERTIFICATE-----\n")
        }
        #expect(throws: CertificateError.malformedCertificate(index: 0, DERError(offset: 0, "expected tag 0x30, found tag 0x2"))) {
            try PEM.certificates(from: "-----BEGIN CERTIFICATE-----\nAgEA\n-----END CERTIFICATE-----\n")
        }
    }

    @Test func base64() {
        #expect(Base64.decode("TWFu") == Array("Man".utf8))
        #expect(Base64.decode("TWE=") == Array("Ma".utf8))
        #expect(Base64.decode("TQ==") == Array("M".utf8))
        #expect(Base64.decode("TQ==TWFu") == nil)
        #expect(Base64.decode("TWF") == nil)
        #expect(Base64.decode("T===") == nil)
    }

    @Test(arguments: [
        ("::1", [UInt8](repeating: 0, count: 15) + [1]), ("127.0.0.1", [127, 0, 0, 1]),
        ("2001:db8::ff00:42:8329", [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29]),
        ("::ffff:10.0.0.5", [UInt8](repeating: 0, count: 10) + [0xff, 0xff, 10, 0, 0, 5]),
    ])
    func ipLiterals(text: String, bytes: [UInt8]) {
        #expect(IPAddress.parse(text) == bytes)
    }

    @Test func invalidIPLiteralsAreHostnames() {
        for text in ["1.2.3", "01.2.3.4", "256.1.1.1", "1::2::3", "1:2:3:4:5:6:7:8:9", "example.com", "12345::"] {
            #expect(IPAddress.parse(text) == nil)
        }
    }
}
