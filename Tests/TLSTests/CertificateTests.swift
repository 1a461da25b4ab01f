import Testing
@testable import TLS

/// X.509 parsing and signature checks on certificates issued by OpenSSL (through Python's `cryptography`
/// 48): an ECDSA P-256 CA (pathLen 0, keyCertSign, SKI), an RSA-2048 leaf it signed (SAN DNS/wildcard/
/// IPv4/IPv6, serverAuth, AKI, validity to 2049 as UTCTime), and a self-signed RSA root signed with
/// SHA-384 whose notAfter (2051) is a GeneralizedTime.
struct CertificateTests {
    static let ca = "308201853082012ca003020102020101300a06082a8648ce3d0403023028310e300c060355040a0c05566967696c3116301406035504030c0d566967696c20546573742043413020170d3234303130313030303030305a180f32303534303130313030303030305a3028310e300c060355040a0c05566967696c3116301406035504030c0d566967696c20546573742043413059301306072a8648ce3d020106082a8648ce3d03010703420004471c3e758c4904285bba7e53118ed0f524adeb0757d25bd2f8e7b0d76dfa714cdd520f7aca8a8b917acc37f51de8f0c9bbe3ad858382e702dc25a12d09f7a858a345304330120603551d130101ff040830060101ff020100300e0603551d0f0101ff040403020106301d0603551d0e041604143036979a19777d8fce1947739f914617fd0d9ccb300a06082a8648ce3d04030203470030440220238747772abd86454ba4396004dc1f9ace4efbf109774b2234ac65f02792d30a0220131f8a12622cf91832be20ebf98b690669ab34cbeea51511536a8b3c3e496009"
    static let leaf = "308202aa30820250a003020102020a0102030405060708090a300a06082a8648ce3d0403023028310e300c060355040a0c05566967696c3116301406035504030c0d566967696c2054657374204341301e170d3234303130313030303030305a170d3439313233313233353935395a301d311b301906035504030c1270726f6d6574686575732e6578616d706c6530820122300d06092a864886f70d01010105000382010f003082010a0282010100d26353f3368674e42923fe67107fdeaddcfdaa2374e3b5636052866bfb1180674f24e1a3a7b6dbd9b7b8b4cc148009d79a1a8b7651a4030fc4644bc3887a4b85aaab3cca02bb535c675f3cb264e7c2baa5653db942c7a43912f18007d927c584c0e2b0c0f8e135c194ea4fda953c87eebbd855d2fbba47aacde3ee1d42c4ea8ed772fdae898d2bda6e454cb9412b541a6bc20193adac709eb8e3eb33e3f79163014dc9b47b2e24f6750f5c08d46fbc81b872e896fee3d7a7d5fce87a985bce656c529deb9f864e8b632bee8b85a3187f0750fa06c123b35d8aea5bd6131a99585f22c7a7a3fafd87d32913e60bc9474466f9daffd7bef5c5d5b130a3f7cb95370203010001a381a130819e300c0603551d130101ff04023000300e0603551d0f0101ff0404030205a030130603551d25040c300a06082b0601050507030130480603551d110441303f821270726f6d6574686575732e6578616d706c6582112a2e6d6574726963732e6578616d706c6587047f000001871000000000000000000000000000000001301f0603551d230418301680143036979a19777d8fce1947739f914617fd0d9ccb300a06082a8648ce3d040302034800304502206aef9ca16680322df40ba4e1652a7fccb19497cf356ed24d051c2bbeff729b25022100911763dc736bf54470e00a7b5b6f170efbfdd6c9bada87ecd1474e31d6c7897f"
    static let rsaRoot = "308202b63082019ea003020102020107300d06092a864886f70d01010c050030133111300f06035504030c0852534120526f6f743020170d3234303130313030303030305a180f32303531303630313132303030305a30133111300f06035504030c0852534120526f6f7430820122300d06092a864886f70d01010105000382010f003082010a0282010100d26353f3368674e42923fe67107fdeaddcfdaa2374e3b5636052866bfb1180674f24e1a3a7b6dbd9b7b8b4cc148009d79a1a8b7651a4030fc4644bc3887a4b85aaab3cca02bb535c675f3cb264e7c2baa5653db942c7a43912f18007d927c584c0e2b0c0f8e135c194ea4fda953c87eebbd855d2fbba47aacde3ee1d42c4ea8ed772fdae898d2bda6e454cb9412b541a6bc20193adac709eb8e3eb33e3f79163014dc9b47b2e24f6750f5c08d46fbc81b872e896fee3d7a7d5fce87a985bce656c529deb9f864e8b632bee8b85a3187f0750fa06c123b35d8aea5bd6131a99585f22c7a7a3fafd87d32913e60bc9474466f9daffd7bef5c5d5b130a3f7cb95370203010001a3133011300f0603551d130101ff040530030101ff300d06092a864886f70d01010c05000382010100b1418df921c069910cfe452a5b79efe821d6c993276d4ab031d23b1f17e21614c6e71a8389d4e5949cb78824559d3725d35c075a5c183c6a380cc53ecd32bcb61b92612107c09f3c8f9b064c90d7c14f01eef81e78bc28ad6e50c57ecf888e0cdd767a5c3658b2e075ef53fc87a99d39d6f45a2eaf98aaceeff4aef31670c8a6bac7ad9d28724520bc7d3a8b18a2b77b2ff7f8678668b2e93e69a4370d6fded1fd1280a1b167bee5e141ac656d0bd79f031f8510ec4af89cdbdac5c30bce013460a6cf3b2add0eca900ecdd247bb3fe52931b8708918610c0c909bac32f05ce47e5c95328b184d689f7bd3d5e25f6c5d1e7705da8d526cb0dc7bc754279aa76a"

    @Test func caCertificate() throws {
        let ca = try Certificate(der: hex(Self.ca))
        #expect(ca.version == 3)
        #expect(ca.serialNumber == [1])
        #expect(ca.signatureAlgorithm == .ecdsa(.sha256))
        #expect(ca.subjectCommonName == "Vigil Test CA")
        #expect(ca.issuer == ca.subject)
        #expect(ca.notBefore == 1_704_067_200) // 2024-01-01T00:00:00Z
        #expect(ca.notAfter == 2_650_838_400) // 2054-01-01T00:00:00Z (GeneralizedTime)
        #expect(ca.extensions.isCA == true && ca.extensions.pathLengthConstraint == 0)
        #expect(ca.extensions.keyUsage == CertificateExtensions.keyCertSign | 1 << 6)
        #expect(ca.extensions.subjectKeyIdentifier == hex("3036979a19777d8fce1947739f914617fd0d9ccb"))
        #expect(ca.extensions.unhandledCritical.isEmpty)
        let key = try SubjectPublicKeyInfo(der: ca.subjectPublicKeyInfo)
        #expect(ca.isSigned(by: key))
    }

    @Test func leafCertificate() throws {
        let ca = try Certificate(der: hex(Self.ca))
        let leaf = try Certificate(der: hex(Self.leaf))
        #expect(leaf.serialNumber == hex("0102030405060708090a"))
        #expect(leaf.issuer == ca.subject)
        #expect(leaf.subjectCommonName == "prometheus.example")
        #expect(leaf.notAfter == 2_524_607_999) // 2049-12-31T23:59:59Z (UTCTime)
        #expect(leaf.extensions.isCA == false)
        #expect(leaf.extensions.keyUsage == CertificateExtensions.digitalSignature | 1 << 2)
        #expect(leaf.extensions.extendedKeyUsage == [CertificateExtensions.serverAuth])
        #expect(leaf.extensions.dnsNames == ["prometheus.example", "*.metrics.example"])
        #expect(leaf.extensions.ipAddresses == [[127, 0, 0, 1], [UInt8](repeating: 0, count: 15) + [1]])
        #expect(leaf.extensions.authorityKeyIdentifier == ca.extensions.subjectKeyIdentifier)
        #expect(leaf.isSigned(by: try SubjectPublicKeyInfo(der: ca.subjectPublicKeyInfo)))
        // Not self-signed, and not signed by an unrelated key.
        #expect(!leaf.isSigned(by: try SubjectPublicKeyInfo(der: leaf.subjectPublicKeyInfo)))
        #expect(!ca.isSigned(by: try SubjectPublicKeyInfo(der: leaf.subjectPublicKeyInfo)))
    }

    @Test func rsaRootWithSHA384() throws {
        let root = try Certificate(der: hex(Self.rsaRoot))
        #expect(root.signatureAlgorithm == .rsaPKCS1(.sha384))
        #expect(root.notAfter == 2_569_233_600) // 2051-06-01T12:00:00Z
        #expect(root.extensions.isCA == true && root.extensions.pathLengthConstraint == nil)
        #expect(root.isSigned(by: try SubjectPublicKeyInfo(der: root.subjectPublicKeyInfo)))
        var tampered = hex(Self.rsaRoot)
        tampered[40] ^= 1 // inside tbsCertificate (issuer name)
        #expect(!(try Certificate(der: tampered)).isSigned(by: try SubjectPublicKeyInfo(der: root.subjectPublicKeyInfo)))
    }

    @Test func malformedCertificatesFailWithOffsets() {
        var truncated = hex(Self.ca)
        truncated.removeLast()
        #expect(throws: DERError(offset: 0, "element of 389 bytes overruns its container (388 left)")) { try Certificate(der: truncated) }
        var trailing = hex(Self.ca)
        trailing.append(0)
        #expect(throws: DERError(offset: 393, "1 unexpected trailing bytes")) { try Certificate(der: trailing) }
        // Change the inner signature algorithm (ecdsa-with-SHA256 → SHA384) so it no longer matches the outer one.
        var mismatched = hex(Self.ca)
        let inner = 27 // last byte of the inner AlgorithmIdentifier's OID
        #expect(mismatched[inner] == 0x02)
        mismatched[inner] = 0x03
        #expect(throws: DERError(offset: 16, "tbsCertificate signature algorithm differs from the outer one")) { try Certificate(der: mismatched) }
    }

    @Test(arguments: [
        ("491231235959Z", true, Int64(2_524_607_999)), ("500101000000Z", true, Int64(-631_152_000)),
        ("20000229120000Z", false, Int64(951_825_600)),
    ])
    func timeDecoding(text: String, utc: Bool, seconds: Int64) throws {
        var r = DERReader([utc ? 0x17 : 0x18, UInt8(text.utf8.count)] + Array(text.utf8))
        #expect(try Certificate.readTime(&r) == seconds)
    }

    @Test func invalidTimes() {
        for text in ["19990230000000Z", "491231235959", "4912312359590Z", "20001301000000Z"] {
            var r = DERReader([0x18, UInt8(text.utf8.count)] + Array(text.utf8))
            #expect(throws: DERError.self) { try Certificate.readTime(&r) }
        }
    }
}
