/// Builds the TLS 1.3 ClientHello (RFC 8446 §4.1.2) we send: the three TLS 1.3 suites, x25519 only,
/// middlebox-compatibility session id, SNI for DNS names (RFC 6066 §3; never for IP literals).
struct ClientHello {
    static let suites: [CipherSuite] = [.aes128GCMSHA256, .chacha20Poly1305SHA256, .aes256GCMSHA384]
    static let x25519: UInt16 = 0x001d

    let random: [UInt8]
    let sessionID: [UInt8]
    let keyShare: [UInt8]
    let serverName: String?

    func message() -> HandshakeMessage {
        var body: [UInt8] = [0x03, 0x03] + random
        body.append(UInt8(sessionID.count))
        body += sessionID
        body += Self.u16(UInt16(2 * Self.suites.count))
        for s in Self.suites { body += Self.u16(s.rawValue) }
        body += [1, 0] // compression methods: null
        var ext: [UInt8] = []
        if let name = serverName {
            let n = Array(name.utf8)
            let entry: [UInt8] = [0] + Self.u16(UInt16(n.count)) + n
            ext += Self.extensionBlock(0, Self.u16(UInt16(entry.count)) + entry)
        }
        ext += Self.extensionBlock(43, [2, 0x03, 0x04]) // supported_versions: TLS 1.3
        ext += Self.extensionBlock(10, Self.u16(2) + Self.u16(Self.x25519)) // supported_groups
        var schemes: [UInt8] = []
        for s in SignatureScheme.supported { schemes += Self.u16(s.rawValue) }
        ext += Self.extensionBlock(13, Self.u16(UInt16(schemes.count)) + schemes) // signature_algorithms
        let share = Self.u16(Self.x25519) + Self.u16(UInt16(keyShare.count)) + keyShare
        ext += Self.extensionBlock(51, Self.u16(UInt16(share.count)) + share) // key_share
        body += Self.u16(UInt16(ext.count)) + ext
        return HandshakeMessage(type: .clientHello, body: body)
    }

    static func u16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(truncatingIfNeeded: v)] }

    static func extensionBlock(_ type: UInt16, _ data: [UInt8]) -> [UInt8] { u16(type) + u16(UInt16(data.count)) + data }
}
