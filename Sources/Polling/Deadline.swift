import Synchronization

/// Runs an async operation with a deadline without waiting for it past the deadline.
///
/// The operation keeps running in the background after a timeout (it is cancelled, and every
/// source enforces the same deadline on its own I/O), but the caller moves on at once, so a
/// hanging target never delays its next tick or anyone else.
enum Deadline {
    struct TimedOut: Error {}

    /// Shared between the work and the timer: who finished first, and the timer to cancel.
    private final class Race: Sendable {
        let finished = Mutex(false)
        let timer = Mutex<Task<Void, Never>?>(nil)

        /// True for the first caller only: whoever resumes the continuation.
        func claim() -> Bool { finished.withLock { r in defer { r = true }; return !r } }
    }

    static func run<T: Sendable>(
        until deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race()
        return try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                if race.claim() { c.resume(with: result) }
                race.timer.withLock { $0?.cancel() }
            }
            let timer = Task {
                do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
                if race.claim() {
                    work.cancel()
                    c.resume(throwing: TimedOut())
                }
            }
            race.timer.withLock { $0 = timer }
            if race.finished.withLock({ $0 }) { timer.cancel() }
        }
    }
}
