import Alerting
import Recording

/// Which rule groups of a replay follow the recording's evaluations and when the others are
/// due. A group is recorded-driven while the recording's current file declares a group with
/// the same name, file name and interval; the others tick at multiples of their interval.
struct ReplaySchedule {
    struct Key: Hashable {
        var name: String
        var file: String
        var interval: Int64

        init(_ g: RecordedGroup) {
            name = g.name
            file = g.file.split(separator: "/").last.map(String.init) ?? g.file
            interval = g.interval
        }
    }

    private let evaluators: [RuleGroupEvaluator]
    private let keys: [Key]
    private var next: [Int64]
    private var recorded: Set<Key> = []
    private var declaredCount = -1
    private var declaredFile = -1

    init(evaluators: [RuleGroupEvaluator], origin: Int64) {
        self.evaluators = evaluators
        keys = evaluators.map { Key(AlertTransitionTracker.recorded($0)) }
        next = evaluators.map { Self.firstTick(interval: $0.interval, atOrAfter: origin) }
    }

    /// The first multiple of `interval` at or after `t`.
    static func firstTick(interval: Int64, atOrAfter t: Int64) -> Int64 {
        let interval = max(1, interval)
        let r = ((t % interval) + interval) % interval
        return r == 0 ? t : t &- r &+ interval
    }

    /// Notes the groups the recording's current file has declared so far.
    mutating func recordedGroups(_ groups: [RecordedGroup], file: Int) {
        guard file != declaredFile || groups.count != declaredCount else { return }
        declaredFile = file
        declaredCount = groups.count
        recorded = Set(groups.map(Key.init))
    }

    /// The replay's group that a recorded evaluation stands for, if any.
    func recordedEvaluator(_ g: RecordedGroup) -> RuleGroupEvaluator? {
        let k = Key(g)
        guard let i = keys.firstIndex(of: k) else { return nil }
        return evaluators[i]
    }

    /// The earliest tick before `limit` of a group the recording does not drive, advancing it.
    mutating func nextTick(before limit: Int64) -> (RuleGroupEvaluator, Int64)? {
        var best: Int?
        for i in evaluators.indices where next[i] < limit {
            // A recorded group's own ticks pass unused, so it resumes on time if it stops being recorded.
            if recorded.contains(keys[i]) {
                next[i] = Self.firstTick(interval: evaluators[i].interval, atOrAfter: limit)
                continue
            }
            if best.map({ next[i] < next[$0] }) ?? true { best = i }
        }
        guard let i = best else { return nil }
        let ts = next[i]
        next[i] = ts &+ max(1, evaluators[i].interval)
        return (evaluators[i], ts)
    }
}
