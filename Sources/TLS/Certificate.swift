/// A parsed X.509 v1–v3 certificate (RFC 5280 §4.1) with the fields chain validation and hostname
/// checks need. Names are kept as their DER bytes (compared byte-for-byte when chaining, as Go does),
/// plus the subject common name for messages. Unknown non-critical extensions are ignored; unknown
/// critical ones are listed so validation can refuse the certificate.
public struct Certificate: Sendable {
    /// The DER of the whole certificate.
    public let der: [UInt8]
    /// The DER of tbsCertificate, the bytes the issuer signed.
    public let tbsCertificate: ArraySlice<UInt8>
    public let version: Int
    /// The serial number's content octets as encoded (may carry a sign byte).
    public let serialNumber: [UInt8]
    public let signatureAlgorithm: SignatureAlgorithm
    public let signature: [UInt8]
    public let issuer: [UInt8]
    public let subject: [UInt8]
    public let subjectCommonName: String?
    /// Validity bounds in seconds since the Unix epoch.
    public let notBefore: Int64
    public let notAfter: Int64
    /// The DER SubjectPublicKeyInfo; parse with `SubjectPublicKeyInfo(der:)` (may be an unsupported type).
    public let subjectPublicKeyInfo: [UInt8]
    public internal(set) var extensions = CertificateExtensions()

    static let maximumSize = 64 * 1024

    public init(der: [UInt8]) throws(DERError) {
        guard der.count <= Self.maximumSize else { throw DERError(offset: 0, "certificate of \(der.count) bytes is too large") }
        self.der = der
        var outer = DERReader(der)
        var cert = try outer.enter()
        try outer.finish()
        let tbsElement = try cert.read(.sequence)
        tbsCertificate = der[tbsElement.encoding]
        var algorithm = try cert.enter()
        let outerAlgorithm = try Self.readAlgorithm(&algorithm)
        signature = try cert.readBitStringBytes()
        try cert.finish()

        var tbs = DERReader(der, range: tbsElement.content)
        if tbs.peekTag == .contextConstructed(0) {
            var v = try tbs.enter(.contextConstructed(0))
            let raw = try v.readSmallInteger()
            try v.finish()
            guard raw <= 2 else { throw DERError(offset: tbsElement.start, "unknown certificate version \(raw + 1)") }
            version = raw + 1
        } else {
            version = 1
        }
        serialNumber = Array(tbs.content(try tbs.read(.integer)))
        let innerStart = tbs.position
        var innerAlgorithm = try tbs.enter()
        let inner = try Self.readAlgorithm(&innerAlgorithm)
        guard inner == outerAlgorithm else {
            throw DERError(offset: innerStart, "tbsCertificate signature algorithm differs from the outer one")
        }
        signatureAlgorithm = SignatureAlgorithm(oid: outerAlgorithm.oid)
        let issuerElement = try tbs.read(.sequence)
        issuer = Array(der[issuerElement.encoding])
        var validity = try tbs.enter()
        notBefore = try Self.readTime(&validity)
        notAfter = try Self.readTime(&validity)
        try validity.finish()
        let subjectElement = try tbs.read(.sequence)
        subject = Array(der[subjectElement.encoding])
        subjectCommonName = try Self.commonName(der: der, name: subjectElement)
        subjectPublicKeyInfo = Array(der[try tbs.read(.sequence).encoding])
        _ = try tbs.readOptional(.contextPrimitive(1))
        _ = try tbs.readOptional(.contextPrimitive(2))
        if tbs.peekTag == .contextConstructed(3) {
            guard version == 3 else { throw DERError(offset: tbs.position, "extensions in a v\(version) certificate") }
            var wrapper = try tbs.enter(.contextConstructed(3))
            let list = try wrapper.enter()
            try wrapper.finish()
            extensions = try CertificateExtensions(list)
        }
        try tbs.finish()
    }

    /// Reads AlgorithmIdentifier; returns the OID and the raw parameters for comparison.
    private static func readAlgorithm(_ r: inout DERReader) throws(DERError) -> (oid: String, parameters: [UInt8]) {
        let oid = try readOID(&r)
        var parameters: [UInt8] = []
        while !r.isAtEnd { parameters += r.bytes[try r.read().encoding] }
        return (oid, parameters)
    }

    private static func readOID(_ r: inout DERReader) throws(DERError) -> String { try r.readObjectIdentifier() }

    /// UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ), per RFC 5280 §4.1.2.5.
    static func readTime(_ r: inout DERReader) throws(DERError) -> Int64 {
        let offset = r.position
        let element = try r.read()
        let text = Array(r.content(element))
        let digitsCount: Int
        switch element.tag {
        case .utcTime: digitsCount = 12
        case .generalizedTime: digitsCount = 14
        default: throw DERError(offset: offset, "expected UTCTime or GeneralizedTime, found \(element.tag)")
        }
        guard text.count == digitsCount + 1, text.last == UInt8(ascii: "Z"),
              text.dropLast().allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { throw DERError(offset: offset, "malformed time \(String(decoding: text, as: UTF8.self))") }
        func number(_ at: Int, _ count: Int) -> Int { text[at..<(at + count)].reduce(0) { $0 * 10 + Int($1 - 48) } }
        var year: Int, i: Int
        if element.tag == .utcTime {
            year = number(0, 2)
            year += year >= 50 ? 1900 : 2000
            i = 2
        } else {
            year = number(0, 4)
            i = 4
        }
        let month = number(i, 2), day = number(i + 2, 2), hour = number(i + 4, 2), minute = number(i + 6, 2), second = number(i + 8, 2)
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), day >= 1, day <= monthDays[month - 1], hour < 24, minute < 60, second < 60 else {
            throw DERError(offset: offset, "time out of range \(String(decoding: text, as: UTF8.self))")
        }
        // Days from 1970-01-01 (civil-from-days inverse, proleptic Gregorian).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The first commonName (2.5.4.3) in a Name, if any, as UTF-8/Printable/IA5 text.
    private static func commonName(der: [UInt8], name: DERElement) throws(DERError) -> String? {
        var rdns = DERReader(der, range: name.content)
        while !rdns.isAtEnd {
            var set = try rdns.enter(.set)
            while !set.isAtEnd {
                var attribute = try set.enter()
                let oid = try attribute.readObjectIdentifier()
                let value = try attribute.read()
                try attribute.finish()
                if oid == "2.5.4.3", [DERTag.utf8String, .printableString, .ia5String].contains(value.tag) {
                    return String(decoding: attribute.content(value), as: UTF8.self)
                }
            }
        }
        return nil
    }

    /// Whether `issuerKey` signed this certificate. Unsupported algorithms and key/algorithm mismatches are false.
    public func isSigned(by issuerKey: SubjectPublicKeyInfo) -> Bool {
        let tbs = Array(tbsCertificate)
        switch (signatureAlgorithm, issuerKey) {
        case let (.rsaPKCS1(hash), .rsa(key)):
            return key.isValidPKCS1v15Signature(signature, digest: hash.hash(tbs), hash: hash)
        case let (.ecdsa(hash), .ecdsa(key)):
            return key.isValidSignature(derEncoded: signature, digest: hash.hash(tbs))
        default:
            return false
        }
    }
}
