import Foundation

/// Runs blocking work (a child process, a socket round trip) on a thread of its own.
///
/// On Linux, blocking inside `DispatchQueue.global()` starves Swift's cooperative pool, which is
/// built on the same threads: two blocked jobs on a two-core machine stall every async task. A
/// plain thread per blocking call costs tens of microseconds and keeps the scheduler, rules and
/// UI running whatever a target does.
enum DedicatedThread {
    static func run<T: Sendable, E: Error>(name: String, _ work: @escaping @Sendable () throws(E) -> T) async -> Result<T, E> {
        await withCheckedContinuation { (c: CheckedContinuation<Result<T, E>, Never>) in
            let thread = Thread { c.resume(returning: Result { () throws(E) -> T in try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
