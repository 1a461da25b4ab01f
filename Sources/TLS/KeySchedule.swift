/// The TLS 1.3 key schedule (RFC 8446 §7.1) for a full handshake without PSK: early secret → handshake
/// secret (with the (EC)DHE shared secret) → master secret, and the traffic, exporter, resumption and
/// Finished values derived from them. Pure functions of their inputs, so the handshake state machine
/// decides the order and the transcript points.
public struct KeySchedule: Sendable, RedactedDescription {
    public let suite: CipherSuite
    public let earlySecret: [UInt8]

    public init(suite: CipherSuite) {
        self.suite = suite
        let zero = [UInt8](repeating: 0, count: suite.hashLength)
        earlySecret = suite.extract(salt: zero, ikm: zero)
    }

    private var emptyHash: [UInt8] { suite.hash([]) }

    private func deriveSecret(_ secret: [UInt8], _ label: String, _ transcriptHash: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard transcriptHash.count == suite.hashLength else {
            throw .invalidLength(what: "transcript hash", expected: suite.hashLength, actual: transcriptHash.count)
        }
        return try suite.expandLabel(secret: secret, label: label, context: transcriptHash, length: suite.hashLength)
    }

    /// Handshake Secret = HKDF-Extract(Derive-Secret(early, "derived", ""), shared secret).
    public func handshakeSecret(sharedSecret: [UInt8]) throws(CryptoError) -> [UInt8] {
        suite.extract(salt: try deriveSecret(earlySecret, "derived", emptyHash), ikm: sharedSecret)
    }

    /// client/server_handshake_traffic_secret at Transcript-Hash(ClientHello..ServerHello).
    public func handshakeTrafficSecrets(handshakeSecret: [UInt8], helloHash: [UInt8]) throws(CryptoError) -> (client: [UInt8], server: [UInt8]) {
        (try deriveSecret(handshakeSecret, "c hs traffic", helloHash), try deriveSecret(handshakeSecret, "s hs traffic", helloHash))
    }

    /// Master Secret = HKDF-Extract(Derive-Secret(handshake, "derived", ""), 0).
    public func masterSecret(handshakeSecret: [UInt8]) throws(CryptoError) -> [UInt8] {
        suite.extract(salt: try deriveSecret(handshakeSecret, "derived", emptyHash),
                      ikm: [UInt8](repeating: 0, count: suite.hashLength))
    }

    /// client/server_application_traffic_secret_0 and exporter_master_secret at
    /// Transcript-Hash(ClientHello..server Finished).
    public func applicationSecrets(masterSecret: [UInt8], serverFinishedHash: [UInt8]) throws(CryptoError)
        -> (client: [UInt8], server: [UInt8], exporter: [UInt8])
    {
        (try deriveSecret(masterSecret, "c ap traffic", serverFinishedHash),
         try deriveSecret(masterSecret, "s ap traffic", serverFinishedHash),
         try deriveSecret(masterSecret, "exp master", serverFinishedHash))
    }

    /// resumption_master_secret at Transcript-Hash(ClientHello..client Finished).
    public func resumptionMasterSecret(masterSecret: [UInt8], clientFinishedHash: [UInt8]) throws(CryptoError) -> [UInt8] {
        try deriveSecret(masterSecret, "res master", clientFinishedHash)
    }

    /// Finished.verify_data = HMAC(HKDF-Expand-Label(BaseKey, "finished", "", Hash.length), transcript hash) (§4.4.4).
    public func finishedVerifyData(trafficSecret: [UInt8], transcriptHash: [UInt8]) throws(CryptoError) -> [UInt8] {
        let key = try suite.expandLabel(secret: trafficSecret, label: "finished", length: suite.hashLength)
        return suite.hmac(key: key, message: transcriptHash)
    }

    /// application_traffic_secret_N+1 for a KeyUpdate (§7.2).
    public func nextApplicationTrafficSecret(_ secret: [UInt8]) throws(CryptoError) -> [UInt8] {
        try suite.expandLabel(secret: secret, label: "traffic upd", length: suite.hashLength)
    }
}
