import Synchronization

/// Servers (`host:port`) our TLS 1.3 client could not talk to because they speak only TLS 1.2 or older
/// (or need a HelloRetryRequest), remembered for `lifetime` so that further requests go straight to
/// URLSession instead of failing one handshake each; afterwards the next request tries TLS 1.3 again
/// (the server may have been upgraded). Shared by all clients: it is a property of the server.
final class TLSFallbackMemory: Sendable {
    static let shared = TLSFallbackMemory()
    static let lifetime: Duration = .seconds(30 * 60)
    static let maximumEntries = 4096

    private struct Entry {
        var reason: String
        var until: MonotonicTime
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// Why `hostPort` goes to URLSession, if it is remembered and the memory has not expired.
    func reason(for hostPort: String, now: MonotonicTime = .now()) -> String? {
        entries.withLock { e in
            guard let entry = e[hostPort] else { return nil }
            if entry.until < now {
                e[hostPort] = nil
                return nil
            }
            return entry.reason
        }
    }

    func remember(_ hostPort: String, reason: String, now: MonotonicTime = .now()) {
        entries.withLock { e in
            if e.count >= TLSFallbackMemory.maximumEntries {
                e = e.filter { !($0.value.until < now) }
                if e.count >= TLSFallbackMemory.maximumEntries { e.removeAll() }
            }
            e[hostPort] = Entry(reason: reason, until: now.adding(TLSFallbackMemory.lifetime))
        }
    }

    /// Forgets everything (tests).
    func forgetAll() { entries.withLock { $0.removeAll() } }
}
