/// A TLS 1.3 client connection as a sans-I/O state machine (RFC 8446): `start()` gives the ClientHello
/// bytes, `receive(_:)` consumes whatever the socket delivered and returns bytes to write back plus
/// decrypted application data, `send(_:)` protects application data, `close()` yields close_notify.
/// The caller owns the socket, so the same code serves the HTTP client and tests.
///
/// Not yet: HelloRetryRequest, PSK resumption / 0-RTT, client certificates (an empty Certificate is sent
/// when the server asks), TLS 1.2 fallback. Those fail with a clear error.
public struct TLSClientConnection: Sendable, RedactedDescription {
    /// What to verify. `verifier` nil means no certificate checks (Prometheus `insecure_skip_verify`);
    /// the CertificateVerify signature is still checked against the presented leaf.
    public struct Configuration: Sendable {
        public var serverName: String
        public var verifier: CertificateVerifier?
        public var now: @Sendable () -> Int64

        public init(serverName: String, verifier: CertificateVerifier?, now: @escaping @Sendable () -> Int64) {
            self.serverName = serverName
            self.verifier = verifier
            self.now = now
        }
    }

    /// What one `receive` call produced.
    public struct Output: Sendable {
        /// Bytes to write to the socket (handshake replies, KeyUpdate responses).
        public var outgoing: [UInt8] = []
        public var applicationData: [UInt8] = []
        /// The peer sent close_notify.
        public var peerClosed = false
    }

    private enum State: Sendable {
        case idle, waitServerHello, waitEncryptedExtensions, waitCertificate, waitCertificateVerify, waitFinished, connected, closed
    }

    private let configuration: Configuration
    private var state = State.idle
    private var privateKey: [UInt8] = []
    private var sessionID: [UInt8] = []
    private var records = RecordReader()
    private var handshake = HandshakeReader()
    private var transcript: TranscriptHash?
    private var helloBytes: [UInt8] = []
    private var schedule: KeySchedule?
    private var handshakeSecret: [UInt8] = []
    private var clientHandshakeSecret: [UInt8] = []
    private var serverHandshakeSecret: [UInt8] = []
    private var reader: RecordProtection?
    private var writer: RecordProtection?
    private var serverApplicationSecret: [UInt8] = []
    private var clientApplicationSecret: [UInt8] = []
    private var certificateRequestContext: [UInt8]?
    private var peerKey: SubjectPublicKeyInfo?
    private var sawChangeCipherSpec = false

    public private(set) var negotiatedSuite: CipherSuite?
    public private(set) var peerCertificates: [Certificate] = []
    public var isConnected: Bool { state == .connected }

    public init(configuration: Configuration) { self.configuration = configuration }

    /// The first flight: a plaintext handshake record holding the ClientHello.
    public mutating func start() throws(TLSConnectionError) -> [UInt8] {
        guard state == .idle else { throw .closed }
        var rng = SystemRandomNumberGenerator()
        func random(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: .min ... .max, using: &rng) } }
        privateKey = X25519.generatePrivateKey()
        sessionID = random(32)
        let publicKey: [UInt8]
        do { publicKey = try X25519.publicKey(privateKey: privateKey) } catch { throw .handshake(.internalError, "\(error)") }
        let sni = IPAddress.parse(configuration.serverName) == nil && !configuration.serverName.isEmpty ? configuration.serverName : nil
        let hello = ClientHello(random: random(32), sessionID: sessionID, keyShare: publicKey, serverName: sni).message()
        helloBytes = hello.encoded
        state = .waitServerHello
        return RecordHeader(contentType: .handshake, legacyVersion: 0x0301, length: hello.encoded.count).bytes + hello.encoded
    }

    /// Consumes bytes from the socket. On a thrown error the connection is dead; send `alertRecord(for:)`.
    public mutating func receive(_ bytes: [UInt8]) throws(TLSConnectionError) -> Output {
        guard state != .closed, state != .idle else { throw .closed }
        var output = Output()
        do {
            records.append(bytes)
            while state != .closed, let record = try records.next() {
                try process(record, into: &output)
            }
        } catch let error as TLSConnectionError {
            state = .closed
            throw error
        } catch let error as RecordError {
            state = .closed
            throw .record(error)
        } catch {
            state = .closed
            throw .handshake(.internalError, "\(error)")
        }
        return output
    }

    /// Protects application data (split into records of at most 2^14 bytes).
    public mutating func send(_ data: [UInt8]) throws(TLSConnectionError) -> [UInt8] {
        guard state == .connected, var w = writer else { throw .closed }
        var out: [UInt8] = []
        var offset = 0
        repeat {
            let end = min(offset + RecordHeader.maximumPlaintext, data.count)
            do { out += try w.protect(Array(data[offset..<end]), type: .applicationData) } catch { throw .record(error) }
            offset = end
        } while offset < data.count
        writer = w
        return out
    }

    /// close_notify (RFC 8446 §6.1); afterwards nothing can be sent.
    public mutating func close() -> [UInt8] {
        defer { state = .closed }
        guard var w = writer, state == .connected else { return [] }
        let bytes = (try? w.protect(Alert(level: .warning, description: .closeNotify).bytes, type: .alert)) ?? []
        writer = w
        return bytes
    }

    /// The alert record to send after `error` (encrypted once keys exist), or nothing.
    public mutating func alertRecord(for error: TLSConnectionError) -> [UInt8] {
        guard let alert = error.alert else { return [] }
        let content = Alert(level: .fatal, description: alert).bytes
        if var w = writer { return (try? w.protect(content, type: .alert)) ?? [] }
        return RecordHeader(contentType: .alert, length: 2).bytes + content
    }

    private mutating func process(_ record: Record, into output: inout Output) throws {
        switch record.header.contentType {
        case .changeCipherSpec:
            // Middlebox compatibility (§5): one CCS of value 1 may arrive before the server Finished.
            guard state != .waitServerHello, state != .connected, !sawChangeCipherSpec, record.payload == [1] else {
                throw TLSConnectionError.handshake(.unexpectedMessage, "unexpected change_cipher_spec")
            }
            sawChangeCipherSpec = true
        case .alert where reader == nil:
            try handleAlert(record.payload, into: &output)
        case .handshake where reader == nil:
            handshake.append(record.payload)
            try drainHandshake(protected: false, into: &output)
        case .applicationData:
            guard var r = reader else { throw TLSConnectionError.handshake(.unexpectedMessage, "protected record before ServerHello") }
            let (type, content) = try r.unprotect(record)
            reader = r
            switch type {
            case .handshake:
                handshake.append(content)
                try drainHandshake(protected: true, into: &output)
            case .alert: try handleAlert(content, into: &output)
            case .applicationData:
                guard state == .connected else { throw TLSConnectionError.handshake(.unexpectedMessage, "application data during the handshake") }
                output.applicationData += content
            case .changeCipherSpec: throw TLSConnectionError.handshake(.unexpectedMessage, "protected change_cipher_spec")
            }
        default:
            throw TLSConnectionError.handshake(.unexpectedMessage, "plaintext \(record.header.contentType) record after keys were set")
        }
    }

    private mutating func handleAlert(_ content: [UInt8], into output: inout Output) throws {
        let alert = try Alert(bytes: content)
        if alert.alertDescription == .closeNotify {
            output.peerClosed = true
            state = .closed
            return
        }
        throw TLSConnectionError.alertReceived(alert.alertDescription)
    }

    /// Only the ServerHello travels in plaintext; every later handshake message must be protected.
    private mutating func drainHandshake(protected: Bool, into output: inout Output) throws {
        while let message = try handshake.next() {
            guard protected == (message.type != .serverHello) else {
                throw TLSConnectionError.handshake(.unexpectedMessage, "\(message.type) in a \(protected ? "protected" : "plaintext") record")
            }
            try handle(message, into: &output)
        }
    }

    private mutating func handle(_ message: HandshakeMessage, into output: inout Output) throws {
        func unexpected() -> TLSConnectionError {
            .handshake(.unexpectedMessage, "unexpected \(message.type) in state \(state)")
        }
        switch (state, message.type) {
        case (.waitServerHello, .serverHello):
            let hello = try ServerHello(body: message.body, sessionID: sessionID)
            guard !handshake.hasPartialMessage else {
                throw TLSConnectionError.handshake(.unexpectedMessage, "data after ServerHello in the same record")
            }
            negotiatedSuite = hello.suite
            var t = TranscriptHash(suite: hello.suite)
            t.update(helloBytes)
            t.update(message.encoded)
            transcript = t
            let ks = KeySchedule(suite: hello.suite)
            schedule = ks
            let shared = try X25519.sharedSecret(privateKey: privateKey, peerPublicKey: hello.keyShare)
            privateKey = []
            handshakeSecret = try ks.handshakeSecret(sharedSecret: shared)
            let secrets = try ks.handshakeTrafficSecrets(handshakeSecret: handshakeSecret, helloHash: t.current)
            clientHandshakeSecret = secrets.client
            serverHandshakeSecret = secrets.server
            reader = try RecordProtection(suite: hello.suite, trafficSecret: secrets.server)
            state = .waitEncryptedExtensions
        case (.waitEncryptedExtensions, .encryptedExtensions):
            var r = TLSByteReader(message.body)
            _ = try r.vector(lengthBytes: 2, "EncryptedExtensions extensions")
            try r.finish("EncryptedExtensions")
            transcript?.update(message.encoded)
            state = .waitCertificate
        case (.waitCertificate, .certificateRequest):
            guard certificateRequestContext == nil else { throw unexpected() }
            var r = TLSByteReader(message.body)
            certificateRequestContext = Array(try r.vector(lengthBytes: 1, "certificate_request_context"))
            _ = try r.vector(lengthBytes: 2, "CertificateRequest extensions")
            try r.finish("CertificateRequest")
            transcript?.update(message.encoded)
        case (.waitCertificate, .certificate):
            let parsed = try CertificateMessage(body: message.body)
            guard parsed.requestContext.isEmpty else {
                throw TLSConnectionError.handshake(.illegalParameter, "server Certificate with a request context")
            }
            var certs: [Certificate] = []
            for (i, der) in parsed.certificates.enumerated() {
                do { certs.append(try Certificate(der: der)) } catch {
                    throw TLSConnectionError.certificate(.malformedCertificate(index: i, error))
                }
            }
            guard let leaf = certs.first else { throw TLSConnectionError.certificate(.emptyChain) }
            if let verifier = configuration.verifier {
                do {
                    _ = try verifier.verify(chain: certs, hostname: configuration.serverName, at: configuration.now())
                } catch {
                    throw TLSConnectionError.certificate(error)
                }
            }
            do { peerKey = try SubjectPublicKeyInfo(der: leaf.subjectPublicKeyInfo) } catch {
                throw TLSConnectionError.certificate(.malformedCertificate(index: 0, error))
            }
            peerCertificates = certs
            transcript?.update(message.encoded)
            state = .waitCertificateVerify
        case (.waitCertificateVerify, .certificateVerify):
            let verify = try CertificateVerify(body: message.body)
            guard let key = peerKey, let t = transcript else { throw unexpected() }
            guard verify.isValid(for: key, transcriptHash: t.current) else {
                throw TLSConnectionError.handshake(.decryptError, "server CertificateVerify (\(verify.scheme)) does not verify")
            }
            transcript?.update(message.encoded)
            state = .waitFinished
        case (.waitFinished, .finished):
            guard let ks = schedule, var t = transcript, let suite = negotiatedSuite else { throw unexpected() }
            let expected = try ks.finishedVerifyData(trafficSecret: serverHandshakeSecret, transcriptHash: t.current)
            guard constantTimeEqual(expected, message.body) else {
                throw TLSConnectionError.handshake(.decryptError, "server Finished does not verify")
            }
            guard !handshake.hasPartialMessage else {
                throw TLSConnectionError.handshake(.unexpectedMessage, "data after server Finished before the key change")
            }
            t.update(message.encoded)
            let master = try ks.masterSecret(handshakeSecret: handshakeSecret)
            let app = try ks.applicationSecrets(masterSecret: master, serverFinishedHash: t.current)
            serverApplicationSecret = app.server
            clientApplicationSecret = app.client
            // Our second flight: compatibility CCS, [empty Certificate], Finished, under handshake keys.
            var handshakeWriter = try RecordProtection(suite: suite, trafficSecret: clientHandshakeSecret)
            output.outgoing += RecordHeader(contentType: .changeCipherSpec, length: 1).bytes + [1]
            if let context = certificateRequestContext {
                let empty = HandshakeMessage(type: .certificate, body: [UInt8(context.count)] + context + [0, 0, 0])
                output.outgoing += try handshakeWriter.protect(empty.encoded, type: .handshake)
                t.update(empty.encoded)
            }
            let verifyData = try ks.finishedVerifyData(trafficSecret: clientHandshakeSecret, transcriptHash: t.current)
            let finished = HandshakeMessage(type: .finished, body: verifyData)
            output.outgoing += try handshakeWriter.protect(finished.encoded, type: .handshake)
            t.update(finished.encoded)
            transcript = t
            reader = try RecordProtection(suite: suite, trafficSecret: app.server)
            writer = try RecordProtection(suite: suite, trafficSecret: app.client)
            clientHandshakeSecret = []
            serverHandshakeSecret = []
            handshakeSecret = []
            state = .connected
        case (.connected, .newSessionTicket):
            break // resumption is not implemented; tickets are ignored
        case (.connected, .keyUpdate):
            guard message.body.count == 1, let request = message.body.first, request <= 1 else {
                throw TLSConnectionError.handshake(.decodeError, "malformed KeyUpdate")
            }
            guard let ks = schedule, let suite = negotiatedSuite else { throw unexpected() }
            serverApplicationSecret = try ks.nextApplicationTrafficSecret(serverApplicationSecret)
            reader = try RecordProtection(suite: suite, trafficSecret: serverApplicationSecret)
            if request == 1, var w = writer {
                output.outgoing += try w.protect(HandshakeMessage(type: .keyUpdate, body: [0]).encoded, type: .handshake)
                clientApplicationSecret = try ks.nextApplicationTrafficSecret(clientApplicationSecret)
                writer = try RecordProtection(suite: suite, trafficSecret: clientApplicationSecret)
            }
        default:
            throw unexpected()
        }
    }
}
