import RESP
import Synchronization

/// What a `RedisQueueSource` keeps between polls: its connection (rebuilt when the password read
/// at poll time changes) and the last seen type of each watched key, so a steady keyspace is read
/// in one round trip (`TYPE` and the length command for the remembered type, pipelined together).
final class RedisQueueState: Sendable {
    private struct Inner {
        var password: String?
        var connection: RedisConnection?
        var types: [String: String] = [:]
    }

    private let inner = Mutex(Inner())

    /// The connection for `password`: the current one, or a new one when the password changed
    /// (the old socket closes when its last poll lets go of it).
    func connection(_ endpoint: RedisEndpoint, password: String?, options: RedisConnection.Options) -> RedisConnection {
        inner.withLock { s in
            if let c = s.connection, s.password == password { return c }
            var e = endpoint
            e.password = password
            let c = RedisConnection(endpoint: e, options: options)
            s.connection = c
            s.password = password
            s.types = [:]
            return c
        }
    }

    /// The remembered types of `keys` (nil where unknown).
    func types(of keys: [String]) -> [String?] {
        inner.withLock { s in keys.map { s.types[$0] } }
    }

    /// Replaces the remembered types with this poll's, so keys that went away are forgotten.
    func remember(_ types: [String: String]) {
        inner.withLock { $0.types = types }
    }
}
