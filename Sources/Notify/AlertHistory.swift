import Synchronization
import TimeSeries

/// What fired, when, for how long and when it resolved: one episode per alert firing, kept for
/// the dashboard's alert history and for its banner and bell (`events(after:)` lists new
/// firings and resolutions since the last look). Re-sends of a known state change nothing.
/// Bounded: the oldest episodes and events are forgotten first.
public final class AlertHistory: Sendable {
    /// One firing of one alert.
    public struct Episode: Sendable, Hashable {
        public var fingerprint: UInt64
        public var labels: Labels
        public var annotations: [Label]
        public var firedAt: Int64
        /// nil while still firing.
        public var resolvedAt: Int64?
        /// The last evaluation that reported the alert.
        public var lastSeenAt: Int64

        public var name: String { labels["alertname"] }

        /// How long it fired: until its resolution, or until `now` while firing.
        public func duration(now: Int64) -> Int64 {
            max(0, ResendFilter.elapsed(from: firedAt, to: resolvedAt ?? now))
        }
    }

    /// A change the UI may announce.
    public struct Event: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case fired, resolved }
        /// Increasing from 1; pass the last one seen to `events(after:)`.
        public var sequence: UInt64
        public var kind: Kind
        public var episode: Episode
    }

    private struct State {
        var episodes: [Episode] = []
        /// Position in `episodes` of the open (or latest) episode per (fingerprint, firedAt).
        var index: [Key: Int] = [:]
        var events: [Event] = []
        var sequence: UInt64 = 0
        /// `episodes[0..<trimmed]` has been forgotten lazily (compaction keeps appends cheap).
        var trimmed = 0
    }

    private struct Key: Hashable {
        var fingerprint: UInt64
        var startsAt: Int64
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 1000) {
        self.capacity = max(1, capacity)
    }

    /// Takes one evaluation's outgoing alerts; returns the new events (firings, resolutions).
    @discardableResult
    public func record(_ alerts: [OutgoingAlert]) -> [Event] {
        state.withLock { s in
            var new: [Event] = []
            for a in alerts {
                let key = Key(fingerprint: a.fingerprint, startsAt: a.startsAt)
                if let i = s.index[key] {
                    s.episodes[i].lastSeenAt = max(s.episodes[i].lastSeenAt, a.sentAt)
                    s.episodes[i].annotations = a.annotations
                    if a.status == .resolved && s.episodes[i].resolvedAt == nil {
                        s.episodes[i].resolvedAt = a.endsAt ?? a.sentAt
                        new.append(event(&s, .resolved, s.episodes[i]))
                    }
                    continue
                }
                // A new firing, or a resolution of a firing this history never saw (after a restart).
                let episode = Episode(fingerprint: a.fingerprint, labels: a.labels, annotations: a.annotations,
                                      firedAt: a.startsAt, resolvedAt: a.status == .resolved ? (a.endsAt ?? a.sentAt) : nil,
                                      lastSeenAt: a.sentAt)
                s.index[key] = s.episodes.count
                s.episodes.append(episode)
                new.append(event(&s, a.status == .firing ? .fired : .resolved, episode))
            }
            trim(&s)
            return new
        }
    }

    /// Episodes, newest first.
    public func episodes() -> [Episode] {
        state.withLock { s in Array(s.episodes[s.trimmed...].reversed()) }
    }

    /// Episodes still firing, newest first.
    public func firing() -> [Episode] {
        state.withLock { s in s.episodes[s.trimmed...].filter { $0.resolvedAt == nil }.reversed() }
    }

    /// Events with a sequence number above `sequence`, oldest first (only recent ones are kept:
    /// between `capacity` and twice that many).
    public func events(after sequence: UInt64) -> [Event] {
        state.withLock { s in s.events.filter { $0.sequence > sequence } }
    }

    /// The sequence number of the latest event (0 before any).
    public var lastSequence: UInt64 { state.withLock { $0.sequence } }

    private func event(_ s: inout State, _ kind: Event.Kind, _ e: Episode) -> Event {
        s.sequence += 1
        let ev = Event(sequence: s.sequence, kind: kind, episode: e)
        s.events.append(ev)
        return ev
    }

    private func trim(_ s: inout State) {
        if s.events.count > 2 * capacity { s.events.removeFirst(s.events.count - capacity) }
        let live = s.episodes.count - s.trimmed
        guard live > capacity else { return }
        for i in s.trimmed..<(s.episodes.count - capacity) {
            let e = s.episodes[i]
            let key = Key(fingerprint: e.fingerprint, startsAt: e.firedAt)
            if s.index[key] == i { s.index[key] = nil }
        }
        s.trimmed = s.episodes.count - capacity
        if s.trimmed >= capacity {
            // Compact: drop the forgotten prefix and renumber the index.
            s.episodes.removeFirst(s.trimmed)
            s.trimmed = 0
            s.index = [:]
            for (i, e) in s.episodes.enumerated() { s.index[Key(fingerprint: e.fingerprint, startsAt: e.firedAt)] = i }
        }
    }
}
