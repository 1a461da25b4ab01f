import Dispatch
import Foundation
import Synchronization

/// Threads that run the handler when `handlerThreads > 0`, so a slow handler does not hold up the
/// event loop. Requests queue in order; each response goes back to the loop through `ServerControl`.
final class WorkerPool: Sendable {
    private struct Queue {
        var jobs: [(id: UInt64, request: HTTPServerRequest)] = []
        var head = 0
        var stopping = false
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
    private let threads: Int

    init(threads: Int, control: ServerControl, handler: @escaping @Sendable (HTTPServerRequest) -> HTTPServerResponse) {
        self.threads = threads
        for i in 0..<threads {
            control.finished.enter()
            let thread = Thread { [self] in
                control.registerCurrentThread()
                while let job = self.next() {
                    control.complete(job.id, handler(job.request))
                }
                control.finished.leave()
            }
            thread.name = "vigil-http-worker-\(i)"
            thread.start()
        }
    }

    func submit(_ id: UInt64, _ request: HTTPServerRequest) {
        queue.withLock { $0.jobs.append((id, request)) }
        available.signal()
    }

    /// Lets every worker finish its current request and end.
    func stop() {
        queue.withLock { $0.stopping = true }
        for _ in 0..<threads { available.signal() }
    }

    private func next() -> (id: UInt64, request: HTTPServerRequest)? {
        while true {
            available.wait()
            let job = queue.withLock { q -> (id: UInt64, request: HTTPServerRequest)?? in
                if q.stopping { return .some(nil) }
                guard q.head < q.jobs.count else { return nil }
                let j = q.jobs[q.head]
                q.head += 1
                if q.head > 64 && q.head * 2 > q.jobs.count {
                    q.jobs.removeFirst(q.head)
                    q.head = 0
                }
                return .some(j)
            }
            if let job { return job }
        }
    }
}
