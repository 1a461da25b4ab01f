import Dispatch
import Synchronization

/// Runs an async operation to completion from a plain thread (a notifier's delivery thread),
/// blocking only that thread: the operation itself runs as a task and waits without holding a
/// cooperative-pool thread.
enum BlockingAsync {
    private final class Box<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }

    static func run<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let v = await operation()
            box.value.withLock { $0 = v }
            done.signal()
        }
        while true {
            done.wait()
            if let v = box.value.withLock({ $0 }) { return v }
        }
    }
}
