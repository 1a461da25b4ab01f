import Dispatch
import Synchronization

/// One Redis server connection: connects lazily (with `AUTH` and `SELECT`), sends pipelines of
/// commands in a single round trip, and drops the socket after any failure so the next call
/// reconnects. The blocking socket work runs under a lock; the async API moves it to a dedicated
/// dispatch queue so it never blocks the cooperative thread pool. Calls on one connection are
/// serialised (a second caller waits for the first round trip); use several connections for parallelism.
public final class RedisConnection: Sendable {
    public struct Options: Sendable, Hashable {
        /// Seconds allowed for the TCP connect (per attempt over all resolved addresses).
        public var connectTimeout: Double
        /// Seconds allowed for one round trip: writing a whole pipeline and reading all its replies.
        public var roundTripTimeout: Double
        public var limits: RESPLimits

        public init(connectTimeout: Double = 5, roundTripTimeout: Double = 10, limits: RESPLimits = .default) {
            self.connectTimeout = connectTimeout
            self.roundTripTimeout = roundTripTimeout
            self.limits = limits
        }
    }

    private struct State {
        var socket: RedisSocket?
        var decoder: RESPDecoder
    }

    public let endpoint: RedisEndpoint
    public let options: Options
    private let state: Mutex<State>
    let queue: DispatchQueue

    public init(endpoint: RedisEndpoint, options: Options = Options()) {
        self.endpoint = endpoint
        self.options = options
        self.state = Mutex(State(socket: nil, decoder: RESPDecoder(limits: options.limits)))
        self.queue = DispatchQueue(label: "vigil.redis")
    }

    /// A connection to the server named by a `redis://` URL (see `RedisEndpoint.init(url:)`).
    public convenience init(url: String, options: Options = Options()) throws(RedisError) {
        self.init(endpoint: try RedisEndpoint(url: url), options: options)
    }

    /// True while a socket is open (it may still turn out to be dead on the next round trip).
    public var isConnected: Bool {
        state.withLock { $0.socket != nil }
    }

    /// Closes the socket; the next call reconnects.
    public func close() {
        state.withLock { $0.socket = nil }
    }

    /// Sends `commands` in one write and returns their replies in order, blocking the calling
    /// thread. Error replies (`-ERR`, `-WRONGTYPE`, ...) are returned as `.error` values; failures of
    /// the connection itself throw, and drop the connection.
    public func pipelineSync(_ commands: [[String]]) throws(RedisError) -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        guard !commands.contains(where: \.isEmpty) else { throw .invalidCommand("a command needs at least one argument") }
        let request = RESPEncoder.encode(pipeline: commands)
        let replies = try state.withLock { (state) throws(RedisError) -> [RESPValue] in
            try roundTrip(request, replyCount: commands.count, state: &state)
        }
        return replies.map(redacted)
    }

    /// Sends one command and returns its reply, blocking the calling thread; an error reply throws
    /// `RedisError.server` with the server's text.
    public func sendSync(_ arguments: [String]) throws(RedisError) -> RESPValue {
        let reply = try pipelineSync([arguments])[0]
        if case .error(let message) = reply { throw .server(address: endpoint.address, message: message) }
        return reply
    }

    private func roundTrip(_ request: [UInt8], replyCount: Int, state: inout State) throws(RedisError) -> [RESPValue] {
        let socket = try connectIfNeeded(&state)
        do {
            return try socket.roundTrip(request, replyCount: replyCount, decoder: &state.decoder,
                                        deadline: Deadline(secondsFromNow: options.roundTripTimeout))
        } catch {
            state.socket = nil
            throw mapped(error)
        }
    }

    private func connectIfNeeded(_ state: inout State) throws(RedisError) -> RedisSocket {
        if let socket = state.socket { return socket }
        if endpoint.tls { throw .tlsUnsupported(address: endpoint.address) }
        let socket: RedisSocket
        do {
            socket = try RedisSocket.connect(host: endpoint.host, port: endpoint.port,
                                             deadline: Deadline(secondsFromNow: options.connectTimeout))
        } catch {
            throw mapped(error)
        }
        var decoder = RESPDecoder(limits: options.limits)
        var handshake: [[String]] = []
        if let password = endpoint.password {
            handshake.append(endpoint.username.map { ["AUTH", $0, password] } ?? ["AUTH", password])
        }
        if endpoint.database != 0 { handshake.append(["SELECT", String(endpoint.database)]) }
        if !handshake.isEmpty {
            let replies: [RESPValue]
            do {
                replies = try socket.roundTrip(RESPEncoder.encode(pipeline: handshake), replyCount: handshake.count,
                                               decoder: &decoder, deadline: Deadline(secondsFromNow: options.roundTripTimeout))
            } catch {
                throw mapped(error)
            }
            for (command, reply) in zip(handshake, replies) {
                guard case .error(let message) = reply else { continue }
                let text = redacted(message)
                if command[0] == "AUTH" { throw .authenticationFailed(address: endpoint.address, message: text) }
                throw .server(address: endpoint.address, message: text)
            }
        }
        state.socket = socket
        state.decoder = decoder
        return socket
    }

    private func mapped(_ failure: SocketFailure) -> RedisError {
        let address = endpoint.address
        switch failure {
        case .resolve(let r): return .resolveFailed(address: address, reason: r)
        case .connect(let r): return .connectFailed(address: address, reason: r)
        case .connectTimeout: return .connectTimeout(address: address, seconds: options.connectTimeout)
        case .timeout: return .timeout(address: address, seconds: options.roundTripTimeout)
        case .closedByPeer: return .connectionClosed(address: address)
        case .io(let r): return .io(address: address, reason: r)
        }
    }

    private func mapped(_ failure: RedisRoundTripFailure) -> RedisError {
        switch failure {
        case .socket(let s): return mapped(s)
        case .protocolError(let e): return .protocolError(address: endpoint.address, e)
        case .unexpectedReply: return .unexpectedReply(address: endpoint.address)
        }
    }

    /// Error text with any occurrence of our password masked, in case a server echoes it.
    private func redacted(_ text: String) -> String {
        guard let password = endpoint.password, !password.isEmpty, text.contains(password) else { return text }
        return text.replacing(password, with: "***")
    }

    private func redacted(_ value: RESPValue) -> RESPValue {
        if case .error(let message) = value { return .error(redacted(message)) }
        return value
    }
}
