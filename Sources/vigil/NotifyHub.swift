import Alerting
import Notify
import Synchronization

/// The run's notification dispatcher behind a lock, so the rule manager's callback (set when the
/// runtime is built) can reach a dispatcher made only when the runtime starts: on a reload the
/// old runtime stops (and releases the spool folder) before the new one starts.
final class NotifyHub: Sendable {
    private let dispatcher = Mutex<NotificationDispatcher?>(nil)
    /// Fired and resolved episodes for the dashboard's history.
    let history = AlertHistory()

    func submit(_ evaluation: GroupEvaluation, from evaluator: RuleGroupEvaluator) {
        dispatcher.withLock { $0 }?.submit(evaluation, from: evaluator)
    }

    func start(_ d: NotificationDispatcher) {
        dispatcher.withLock { $0 = d }
        d.start()
    }

    func stop() {
        let d = dispatcher.withLock { d -> NotificationDispatcher? in
            defer { d = nil }
            return d
        }
        d?.stop()
    }

    var current: NotificationDispatcher? { dispatcher.withLock { $0 } }
}
