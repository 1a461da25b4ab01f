import Alerting
import Recording
import TimeSeries

/// What a `RuntimeFeed` changes in a runtime, built once in `Runtime.init`: the clock, the
/// store's ingest observer, whether sources are polled, which rule files load, and how rule
/// evaluations are observed. Keeps the feed's details out of `Runtime` itself.
final class FeedHooks: Sendable {
    let feed: RuntimeFeed
    let clock: RuntimeClock
    /// The store's observer when recording.
    let tap: RecordingTap?
    let replay: ReplayDriver?
    private let transitions = AlertTransitionTracker()

    init(_ feed: RuntimeFeed) {
        self.feed = feed
        switch feed {
        case .poll:
            clock = .wall
            tap = nil
            replay = nil
        case .record(let writer):
            clock = .wall
            tap = RecordingTap(writer: writer)
            replay = nil
        case .replay(let driver):
            clock = driver.clock
            tap = nil
            replay = driver
        }
    }

    /// False in a replay: the recording stands in for every source.
    var polls: Bool { replay == nil }

    /// Rule files that replace the config's (`vigil replay --rules`), nil to use the config's.
    var ruleFiles: [String]? { replay?.settings.ruleFiles }

    /// The rule manager for `groups`; when recording, its groups are declared in the recording
    /// and every evaluation is written with the alert transitions it caused.
    func makeRules(groups: [RuleGroup], context: RuleEvaluationContext,
                   onEvaluation: (@Sendable (RuleGroupEvaluator, GroupEvaluation) -> Void)? = nil) -> RuleManager {
        guard let tap else { return RuleManager(groups: groups, context: context, onEvaluation: onEvaluation) }
        let tracker = transitions
        let manager = RuleManager(groups: groups, context: context) { evaluator, result in
            tap.evaluated(AlertTransitionTracker.recorded(evaluator), at: result.time, transitions: tracker.update(evaluator))
            onEvaluation?(evaluator, result)
        }
        tap.declare(manager.evaluators.map(AlertTransitionTracker.recorded))
        return manager
    }
}
