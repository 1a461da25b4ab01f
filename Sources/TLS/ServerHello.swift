/// The parts of a TLS 1.3 ServerHello (RFC 8446 §4.1.3) a client acts on, validated against what we
/// offered. A HelloRetryRequest is recognised by its special random.
struct ServerHello {
    let suite: CipherSuite
    let keyShare: [UInt8]

    /// SHA-256("HelloRetryRequest").
    static let helloRetryRandom: [UInt8] = [
        0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
        0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
    ]

    init(body: ArraySlice<UInt8>, sessionID: [UInt8]) throws(TLSConnectionError) {
        do {
            var r = TLSByteReader(body)
            _ = try r.u16("legacy_version")
            let random = Array(try r.bytes(32, "random"))
            guard random != Self.helloRetryRandom else {
                throw TLSConnectionError.handshake(.handshakeFailure, "server sent HelloRetryRequest, which this client does not handle yet")
            }
            guard Array(try r.vector(lengthBytes: 1, "legacy_session_id_echo")) == sessionID else {
                throw TLSConnectionError.handshake(.illegalParameter, "ServerHello does not echo our session id")
            }
            let rawSuite = try r.u16("cipher_suite")
            guard let suite = CipherSuite(rawValue: rawSuite) else {
                throw TLSConnectionError.handshake(.illegalParameter, "server chose cipher suite 0x\(String(rawSuite, radix: 16)) we did not offer")
            }
            guard try r.u8("legacy_compression_method") == 0 else {
                throw TLSConnectionError.handshake(.illegalParameter, "non-null compression method")
            }
            var ext = TLSByteReader(try r.vector(lengthBytes: 2, "extensions"))
            try r.finish("ServerHello")
            var version: UInt16?, share: [UInt8]?
            while !ext.isAtEnd {
                let type = try ext.u16("extension type")
                var data = TLSByteReader(try ext.vector(lengthBytes: 2, "extension data"))
                switch type {
                case 43:
                    version = try data.u16("selected_version")
                    try data.finish("supported_versions")
                case 51:
                    let group = try data.u16("key_share group")
                    guard group == ClientHello.x25519 else {
                        throw TLSConnectionError.handshake(.illegalParameter, "server key share uses group 0x\(String(group, radix: 16))")
                    }
                    share = Array(try data.vector(lengthBytes: 2, "key_exchange"))
                    try data.finish("key_share")
                default:
                    throw TLSConnectionError.handshake(.unsupportedExtension, "ServerHello carries extension \(type) we did not offer")
                }
            }
            guard version == 0x0304 else {
                throw TLSConnectionError.handshake(.protocolVersion, "server did not negotiate TLS 1.3 (TLS 1.2 fallback is not implemented)")
            }
            guard let keyShare = share, keyShare.count == 32 else {
                throw TLSConnectionError.handshake(.illegalParameter, "missing or malformed x25519 key share")
            }
            self.suite = suite
            self.keyShare = keyShare
        } catch let error as RecordError {
            throw .record(error)
        } catch let error as TLSConnectionError {
            throw error
        } catch {
            throw .handshake(.internalError, "\(error)")
        }
    }
}
