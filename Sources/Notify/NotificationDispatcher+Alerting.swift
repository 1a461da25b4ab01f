import Alerting

/// The hook for `RuleManager(onEvaluation:)`: after each group evaluation, the alerts it marked
/// for sending become outgoing alerts for every notifier.
extension NotificationDispatcher {
    public func submit(_ evaluation: GroupEvaluation, from evaluator: RuleGroupEvaluator) {
        submit(OutgoingAlert.batch(evaluation, evaluator: evaluator))
    }
}
