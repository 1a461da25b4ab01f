import Dispatch
@testable import Notify
import Synchronization

/// A notifier for dispatcher tests: answers with scripted outcomes (then `.delivered`), records
/// every call, and can hold deliveries until released.
final class ScriptedNotifier: Notifier {
    let id: String
    let description: String
    let policy: DeliveryPolicy
    private let state: Mutex<State>
    private let gate = DispatchSemaphore(value: 0)

    struct State {
        var script: [DeliveryOutcome]
        var calls: [[OutgoingAlert]] = []
        var delivered: [OutgoingAlert] = []
        var holding: Bool
        /// Calls that have started (including one waiting while held).
        var entered = 0
        /// While set, every call fails with this retryable error.
        var failing: String?
    }

    init(id: String = "scripted", script: [DeliveryOutcome] = [], holding: Bool = false,
         policy: DeliveryPolicy = DeliveryPolicy(resendDelay: 0, repeatResolved: true, maxBatchSize: 100)) {
        self.id = id
        self.description = "scripted " + id
        self.policy = policy
        state = Mutex(State(script: script, holding: holding))
    }

    func deliver(_ alerts: [OutgoingAlert]) -> DeliveryOutcome {
        if state.withLock({ s in
            s.entered += 1
            return s.holding
        }) { gate.wait() }
        return state.withLock { s in
            s.calls.append(alerts)
            if let f = s.failing { return .retry(f) }
            let outcome = s.script.isEmpty ? .delivered : s.script.removeFirst()
            switch outcome {
            case .delivered: s.delivered += alerts
            case .partial(let n, _): s.delivered += alerts.prefix(n)
            case .retry, .reject: break
            }
            return outcome
        }
    }

    func setFailing(_ error: String?) {
        state.withLock { $0.failing = error }
    }

    func release() {
        state.withLock { $0.holding = false }
        gate.signal()
    }

    var calls: [[OutgoingAlert]] { state.withLock { $0.calls } }
    var entered: Int { state.withLock { $0.entered } }
    var delivered: [OutgoingAlert] { state.withLock { $0.delivered } }
}
