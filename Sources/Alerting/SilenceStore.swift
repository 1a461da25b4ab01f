import Foundation
import Synchronization
import TimeSeries

/// The silences made in Vigil, kept in a state file so they outlive a restart. Expired silences
/// stay listed for a while (as Alertmanager keeps them) and are then dropped.
public final class SilenceStore: Sendable {
    /// How long an expired silence stays listed.
    public static let expiredRetention: Int64 = 24 * 3_600_000

    struct FileContent: Codable {
        var version = 1
        var silences: [Silence]
    }

    private let file: StateFile<FileContent>?
    private let silences: Mutex<[Silence]>

    /// Loads `path` when given (nil keeps silences in memory only). A corrupt file is moved
    /// aside; the message says so and the store starts empty.
    public init(path: String?) {
        var loaded: [Silence] = []
        var message: String?
        if let path {
            let f = StateFile<FileContent>(path: path)
            file = f
            switch f.load() {
            case .missing: break
            case .loaded(let c): loaded = c.silences
            case .corrupt(let m, let movedTo): message = m + (movedTo.map { "; moved to \($0)" } ?? "")
            }
        } else {
            file = nil
        }
        silences = Mutex(loaded)
        loadError = message
    }

    /// Why the saved silences could not be read, if they could not.
    public let loadError: String?

    /// Adds a silence and saves; returns the save error, if any (the silence is kept in memory).
    @discardableResult
    public func add(_ silence: Silence) -> String? {
        let all = silences.withLock { s -> [Silence] in
            s.removeAll { $0.id == silence.id }
            s.append(silence)
            return s
        }
        return save(all)
    }

    /// Ends a silence now (it stays listed as expired).
    @discardableResult
    public func expire(id: String, at now: Int64) -> String? {
        let all = silences.withLock { s -> [Silence] in
            for i in s.indices where s[i].id == id && s[i].endsAt > now { s[i].endsAt = max(s[i].startsAt, now) }
            return s
        }
        return save(all)
    }

    /// Every silence, active and recently expired, oldest first; drops the long-expired ones.
    public func all(at now: Int64) -> [Silence] {
        silences.withLock { s in
            s.removeAll { now - $0.endsAt > Self.expiredRetention }
            return s.sorted { ($0.startsAt, $0.id) < ($1.startsAt, $1.id) }
        }
    }

    /// The active silences that match `labels`.
    public func silencing(_ labels: Labels, at now: Int64) -> [Silence] {
        silences.withLock { s in s.filter { $0.isActive(at: now) && $0.matches(labels) } }
    }

    public func isSilenced(_ labels: Labels, at now: Int64) -> Bool { !silencing(labels, at: now).isEmpty }

    private func save(_ all: [Silence]) -> String? {
        guard let file else { return nil }
        do {
            try file.save(FileContent(silences: all))
            return nil
        } catch {
            return "cannot save silences: \(error)"
        }
    }
}
