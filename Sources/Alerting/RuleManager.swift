import Foundation
import Synchronization
import TimeSeries

/// Runs every loaded rule group on its own interval against the live store, as Prometheus's rule
/// manager does, and keeps the current alerts for the UI and the notifiers.
///
/// Evaluation runs on a thread of its own (never on Swift's cooperative pool): a heavy rule set
/// cannot stall polling or the UI. Each group is evaluated at multiples of its interval plus a
/// stable offset from its name, so groups spread out and timestamps are regular. `evaluate(at:)`
/// drives the same groups from a recording or a test without a clock.
public final class RuleManager: Sendable {
    public let evaluators: [RuleGroupEvaluator]
    private let state = Mutex(State())
    /// Called after each group evaluation (on the rule thread), e.g. to hand alerts to notifiers.
    private let onEvaluation: (@Sendable (RuleGroupEvaluator, GroupEvaluation) -> Void)?

    private struct State {
        var running = false
        var nextDue: [Int64] = []
    }

    public init(groups: [RuleGroup], context: RuleEvaluationContext,
                onEvaluation: (@Sendable (RuleGroupEvaluator, GroupEvaluation) -> Void)? = nil) {
        evaluators = groups.map { RuleGroupEvaluator(group: $0, context: context) }
        self.onEvaluation = onEvaluation
    }

    /// Loads rule files (already expanded from globs); every file's errors are collected.
    public static func load(files: [String], options: RuleLoadOptions = RuleLoadOptions()) -> (groups: [RuleGroup], errors: [String]) {
        var groups: [RuleGroup] = []
        var errors: [String] = []
        for f in files {
            do {
                groups += try RuleFileLoader.load(path: f, options: options).groups
            } catch {
                errors.append(error.description)
            }
        }
        return (groups, errors)
    }

    /// Every rule of every group, for views that show thresholds or rule health.
    public var rules: [Rule] { evaluators.flatMap(\.group.rules) }

    /// The alerts of every group (pending, firing, and resolved ones still retained).
    public func activeAlerts() -> [Alert] { evaluators.flatMap { $0.activeAlerts() } }

    public func ruleStatuses() -> [RuleStatus] { evaluators.flatMap { $0.ruleStatuses() } }

    /// Evaluates every group whose next evaluation is due at or before `now` (ms), at its own
    /// aligned timestamp. Returns how many group evaluations ran.
    @discardableResult
    public func evaluate(at now: Int64) -> Int {
        var ran = 0
        for (i, e) in evaluators.enumerated() {
            let interval = max(1, e.interval)
            let due = state.withLock { s -> Int64 in
                if s.nextDue.count != evaluators.count {
                    s.nextDue = evaluators.map { Self.firstDue(for: $0, after: now) }
                }
                return s.nextDue[i]
            }
            guard due <= now else { continue }
            // Evaluate at the latest aligned time not after now; missed ticks are skipped.
            let missed = (now - due) / interval
            let ts = due + missed * interval
            let result = e.eval(at: ts)
            onEvaluation?(e, result)
            state.withLock { $0.nextDue[i] = ts + interval }
            ran += 1
        }
        return ran
    }

    /// The first aligned evaluation time of a group at or after `t`.
    static func firstDue(for e: RuleGroupEvaluator, after t: Int64) -> Int64 {
        let interval = max(1, e.interval)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in (e.group.file + "\u{0}" + e.group.name).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        let offset = Int64(h % UInt64(interval))
        var base = t - ((t % interval) + interval) % interval + offset
        if base < t { base += interval }
        return base
    }

    /// Starts the evaluation thread, which runs until `stop()`.
    public func start() {
        let already = state.withLock { s -> Bool in
            defer { s.running = true }
            return s.running
        }
        guard !already, !evaluators.isEmpty else { return }
        let thread = Thread { [self] in
            while state.withLock({ $0.running }) {
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                evaluate(at: now)
                let next = state.withLock { $0.nextDue.min() } ?? now + 1000
                let wait = min(max(next - Int64(Date().timeIntervalSince1970 * 1000), 10), 250)
                Thread.sleep(forTimeInterval: Double(wait) / 1000)
            }
        }
        thread.name = "vigil.rules"
        thread.start()
    }

    public func stop() {
        state.withLock { $0.running = false }
    }
}
