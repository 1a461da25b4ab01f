import Foundation
import Synchronization

/// Holds a replay back to the recorded pace times the speed, moving the replay clock smoothly
/// while it waits; with no speed (as fast as possible) it never waits.
struct ReplayPacer {
    let origin: Int64
    let speed: Double?
    let clock: RuntimeClock
    let wallStart = ContinuousClock.now

    /// Waits until recorded time `t` is due; false when `stop` was set meanwhile.
    func wait(until t: Int64, stop: borrowing Atomic<Bool>) -> Bool {
        guard let speed, speed > 0 else { return !stop.load(ordering: .relaxed) }
        let due = Double(t &- origin) / speed
        while !stop.load(ordering: .relaxed) {
            let elapsed = ContinuousClock.now - wallStart
            let elapsedMs = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            if elapsedMs >= due { return true }
            clock.set(origin &+ Int64(min(Double(t &- origin), elapsedMs * speed, 9e18)))
            Thread.sleep(forTimeInterval: min(0.1, (due - elapsedMs) / 1000))
        }
        return false
    }
}
