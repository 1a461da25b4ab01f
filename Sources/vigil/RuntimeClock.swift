import Foundation
import Synchronization

/// The time a runtime runs at: the wall clock when polling, the recording's clock in a replay
/// (set by the replay as it goes). The dashboard, silences and alert rows read it instead of
/// `Date()`, so a replay shows the recorded time. The replayed time sits behind a `Mutex`.
final class RuntimeClock: Sendable {
    let isReplay: Bool
    private let replayed: Mutex<Int64>

    private init(replayed: Int64?) {
        isReplay = replayed != nil
        self.replayed = Mutex(replayed ?? 0)
    }

    /// The wall clock.
    static let wall = RuntimeClock(replayed: nil)

    /// A clock that stands at `start` until `set` moves it.
    static func replay(start: Int64) -> RuntimeClock { RuntimeClock(replayed: start) }

    /// Milliseconds since the Unix epoch.
    var nowMs: Int64 {
        guard isReplay else { return Int64(Date().timeIntervalSince1970 * 1000) }
        return replayed.withLock { $0 }
    }

    /// Moves a replay clock (never backwards); a wall clock ignores it.
    func set(_ t: Int64) {
        guard isReplay else { return }
        replayed.withLock { $0 = max($0, t) }
    }
}
