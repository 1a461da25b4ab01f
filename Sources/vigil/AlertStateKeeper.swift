import Alerting
import Synchronization

/// Keeps the `for` state of pending and firing alerts in `alerts.json` under the state folder,
/// so a restart neither resets `for` timers nor re-pages: read once at start and handed to the
/// rule manager, written when it changed (at most every few seconds) and at stop.
final class AlertStateKeeper: Sendable {
    struct FileContent: Codable {
        var version = 1
        var alerts: [SavedAlert]
    }

    private let file: StateFile<FileContent>
    private let lastSaved = Mutex<[SavedAlert]?>(nil)
    /// What was read at start (empty when there was nothing or it was unreadable).
    let saved: [SavedAlert]
    /// Why the saved state could not be used, if it could not.
    let loadError: String?

    init(directory: String) {
        file = StateFile(path: directory + "/alerts.json")
        switch file.load() {
        case .missing:
            saved = []
            loadError = nil
        case .loaded(let c):
            saved = c.alerts
            loadError = nil
        case .corrupt(let message, let movedTo):
            saved = []
            loadError = message + (movedTo.map { "; moved to \($0)" } ?? "")
        }
    }

    /// Writes the rule manager's alerts if they changed since the last write; returns an error
    /// message when the write failed.
    func save(from rules: RuleManager) -> String? {
        let now = rules.savedAlerts()
        let changed = lastSaved.withLock { last -> Bool in
            if last == now { return false }
            // Nothing active and nothing saved before: no file to write.
            if last == nil && now.isEmpty && saved.isEmpty { last = now; return false }
            return true
        }
        guard changed else { return nil }
        do {
            try file.save(FileContent(alerts: now))
            lastSaved.withLock { $0 = now }
            return nil
        } catch {
            return "cannot save alert state: \(error)"
        }
    }
}
