import Alerting
import Recording
import Synchronization
import TimeSeries

/// Turns a rule group's alerts after each evaluation into the changes since the previous one
/// (pending, firing, resolved), for the recording and for `vigil replay --alerts`. The live run
/// and the replay use this one definition, so their transitions compare line for line.
///
/// The last state of each group sits behind a `Mutex` (the rule thread writes, anyone reads).
final class AlertTransitionTracker: Sendable {
    private let last = Mutex<[ObjectIdentifier: [Labels: RecordedAlert.State]]>([:])

    /// The alerts of `evaluator` whose state changed since the last call for it, sorted by labels.
    func update(_ evaluator: RuleGroupEvaluator) -> [RecordedAlert] {
        var now: [Labels: RecordedAlert.State] = [:]
        for a in evaluator.activeAlerts() {
            switch a.state {
            case .pending: now[a.labels] = .pending
            case .firing: now[a.labels] = .firing
            case .inactive: break
            }
        }
        let before = last.withLock { s in
            defer { s[ObjectIdentifier(evaluator)] = now }
            return s[ObjectIdentifier(evaluator)] ?? [:]
        }
        var out: [RecordedAlert] = []
        for (labels, state) in now where before[labels] != state { out.append(RecordedAlert(labels: labels, state: state)) }
        for labels in before.keys where now[labels] == nil { out.append(RecordedAlert(labels: labels, state: .inactive)) }
        return out.sorted { $0.labels < $1.labels }
    }

    /// How a group is named in a recording.
    static func recorded(_ e: RuleGroupEvaluator) -> RecordedGroup {
        RecordedGroup(name: e.group.name, file: e.group.file, interval: e.interval)
    }
}
