import Config
import RESP

/// Queue depths read from a Redis server: plain keys by name or `SCAN` pattern (lists, streams with
/// their consumer groups, sorted sets, sets, hashes), and the key layouts of the job libraries that
/// use Redis as their broker (Celery, Sidekiq, RQ, BullMQ), all written as the shared
/// `vigil_queue_*` series (`QueueReading`).
///
/// The password is read from its `SecretSource` at every poll (rotation works without a restart);
/// the connection is kept between polls and rebuilt after a failure or a password change.
public struct RedisQueueSource: PollSource {
    /// Where to connect; its password, if any, is used when `password` is nil.
    public let endpoint: RedisEndpoint
    /// Keys watched by name: a missing one reads as depth 0 (Redis deletes a list once it drains).
    public let keys: [String]
    /// A `SCAN` glob whose matching keys are watched while they exist.
    public let scan: String?
    public let preset: RedisSourceConfig.Preset?
    /// The preset's key namespace: Celery's `global_keyprefix` (prepended as is), Sidekiq's
    /// redis-namespace (`NAME:`), BullMQ's `prefix` (default `bull`). RQ has none.
    public let namespace: String?
    public let password: SecretSource?
    public let options: RedisConnection.Options
    let state = RedisQueueState()

    public init(endpoint: RedisEndpoint, keys: [String] = [], scan: String? = nil,
                preset: RedisSourceConfig.Preset? = nil, namespace: String? = nil,
                password: SecretSource? = nil, options: RedisConnection.Options = .init()) {
        self.endpoint = endpoint
        self.keys = keys
        self.scan = scan
        self.preset = preset
        self.namespace = namespace
        self.password = password
        self.options = options
    }

    /// A source for a configured `redis` source: `url` is its `redis://` URL (any password in it is
    /// used when the config gives none), `config.db` wins over the URL's database when set.
    public init(url: String, config: RedisSourceConfig, namespace: String? = nil,
                options: RedisConnection.Options = .init()) throws(PollError) {
        var endpoint: RedisEndpoint
        do {
            endpoint = try RedisEndpoint(url: url)
        } catch {
            throw PollError(error.description)
        }
        if config.db != 0 { endpoint.database = config.db }
        self.init(endpoint: endpoint, keys: config.keys, scan: config.scan, preset: config.preset,
                  namespace: namespace, password: config.password, options: options)
    }

    public func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        let source = self
        do {
            return try await Deadline.run(until: deadline) { try await source.read(deadline: deadline) }
        } catch is Deadline.TimedOut {
            throw PollError("redis \(endpoint.address): no complete answer before the poll deadline")
        }
    }

    /// One poll: every configured part, in one exposition.
    func read(deadline: ContinuousClock.Instant) async throws(PollError) -> PollPayload {
        let secret = password == nil ? endpoint.password : try RedisPassword.read(password)
        let connection = state.connection(endpoint, password: secret, options: options)
        let session = RedisPollSession(connection: connection, deadline: deadline)
        var out = RedisQueueExposition()
        if !keys.isEmpty || scan != nil {
            try await readKeys(session, into: &out)
        }
        switch preset {
        case .celery: try await readCelery(session, into: &out)
        case .sidekiq: try await readSidekiq(session, into: &out)
        case .rq: try await readRQ(session, into: &out)
        case .bullmq: try await readBullMQ(session, into: &out)
        case nil: break
        }
        return PollPayload(body: out.bytes())
    }
}
