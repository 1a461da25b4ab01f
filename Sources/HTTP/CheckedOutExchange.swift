/// An exchange the loop thread has taken out of `LoopState` to run one step without the lock.
///
/// `@unchecked Sendable` because `Exchange` is a plain class: while checked out it is reachable from no
/// other thread (it is in none of the state's tables; cancellation waits in `cancelledWhileBusy`), and
/// the mutex hand-over on check-out and check-in orders the loop thread's accesses with everyone else's.
struct CheckedOutExchange: @unchecked Sendable {
    let exchange: Exchange
}
