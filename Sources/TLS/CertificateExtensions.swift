/// The v3 extensions of a certificate that path validation and hostname checks use (RFC 5280 §4.2).
public struct CertificateExtensions: Sendable {
    /// basicConstraints: nil when absent.
    public var isCA: Bool?
    public var pathLengthConstraint: Int?
    /// keyUsage bits (bit 0 = digitalSignature … bit 8 = decipherOnly); nil when absent.
    public var keyUsage: UInt16?
    /// extKeyUsage purpose OIDs; nil when absent.
    public var extendedKeyUsage: [String]?
    public var dnsNames: [String] = []
    /// iPAddress entries, 4 or 16 bytes each.
    public var ipAddresses: [[UInt8]] = []
    public var subjectKeyIdentifier: [UInt8]?
    public var authorityKeyIdentifier: [UInt8]?
    /// Critical extensions we do not understand: a validator must reject the certificate (§4.2).
    public var unhandledCritical: [String] = []

    public static let keyCertSign: UInt16 = 1 << 5
    public static let digitalSignature: UInt16 = 1 << 0
    public static let serverAuth = "1.3.6.1.5.5.7.3.1"
    public static let clientAuth = "1.3.6.1.5.5.7.3.2"

    init() {}

    init(_ list: DERReader) throws(DERError) {
        var list = list
        var seen = Set<String>()
        while !list.isAtEnd {
            var ext = try list.enter()
            let offset = ext.position
            let oid = try ext.readObjectIdentifier()
            let critical = ext.peekTag == .boolean ? try ext.readBoolean() : false
            let value = try ext.readOctetString()
            try ext.finish()
            guard seen.insert(oid).inserted else { throw DERError(offset: offset, "duplicate extension \(oid)") }
            var r = DERReader(value)
            switch oid {
            case "2.5.29.19": // basicConstraints
                var seq = try r.enter()
                isCA = seq.peekTag == .boolean ? try seq.readBoolean() : false
                if seq.peekTag == .integer { pathLengthConstraint = try seq.readSmallInteger() }
                try seq.finish()
            case "2.5.29.15": // keyUsage BIT STRING
                let element = try r.read(.bitString)
                let bits = r.content(element)
                guard let unused = bits.first, unused < 8, bits.count >= 2, bits.count <= 3 else {
                    throw DERError(offset: offset, "malformed keyUsage")
                }
                var usage: UInt16 = 0
                for (i, byte) in bits.dropFirst().enumerated() {
                    for bit in 0..<8 where byte & (0x80 >> UInt8(bit)) != 0 { usage |= 1 << UInt16(8 * i + bit) }
                }
                keyUsage = usage
            case "2.5.29.37": // extKeyUsage
                var seq = try r.enter()
                var purposes: [String] = []
                while !seq.isAtEnd { purposes.append(try seq.readObjectIdentifier()) }
                extendedKeyUsage = purposes
            case "2.5.29.17": // subjectAltName
                var seq = try r.enter()
                while !seq.isAtEnd {
                    let name = try seq.read()
                    if name.tag == .contextPrimitive(2) {
                        dnsNames.append(String(decoding: seq.content(name), as: UTF8.self))
                    } else if name.tag == .contextPrimitive(7) {
                        let ip = Array(seq.content(name))
                        guard ip.count == 4 || ip.count == 16 else { throw DERError(offset: name.start, "iPAddress of \(ip.count) bytes") }
                        ipAddresses.append(ip)
                    }
                }
            case "2.5.29.14": // subjectKeyIdentifier
                subjectKeyIdentifier = try r.readOctetString()
            case "2.5.29.35": // authorityKeyIdentifier
                var seq = try r.enter()
                if let id = try seq.readOptional(.contextPrimitive(0)) { authorityKeyIdentifier = Array(seq.content(id)) }
            default:
                if critical { unhandledCritical.append(oid) }
                continue
            }
            try r.finish()
        }
    }
}
