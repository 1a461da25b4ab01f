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
        /// Saved `for` state still to restore, applied after each group's first evaluation.
        var pendingRestore: [SavedAlert] = []
        var restoreOptions = RestoreOptions()
        var restoreWindow: Int64 = 0
        /// Each group's first evaluation since `restore` was called.
        var restoreStart: [Int: Int64] = [:]
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

    /// Alerts saved before a restart: each group restores their `for` state after its first
    /// evaluation, as Prometheus does from `ALERTS_FOR_STATE`. Prometheus's store still holds
    /// the samples from before the restart, so its first evaluation sees the alerts at once;
    /// Vigil's store starts empty, so an alert may only reappear after the first polls. Saved
    /// alerts therefore stay restorable for `window` ms after the group's first evaluation (the
    /// caller passes a couple of poll intervals); each is used at most once. Call before `start()`.
    public func restore(_ saved: [SavedAlert], options: RestoreOptions = RestoreOptions(), window: Int64 = 0) {
        state.withLock { s in
            s.pendingRestore = saved
            s.restoreOptions = options
            s.restoreWindow = max(0, window)
            s.restoreStart = [:]
        }
    }

    /// Every group's pending and firing alerts, for the state file.
    public func savedAlerts() -> [SavedAlert] { evaluators.flatMap { $0.savedAlerts() } }

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
            let restore = state.withLock { s -> ([SavedAlert], RestoreOptions)? in
                guard !s.pendingRestore.isEmpty else { return nil }
                let start = s.restoreStart[i] ?? ts
                s.restoreStart[i] = start
                return ts - start <= s.restoreWindow ? (s.pendingRestore, s.restoreOptions) : nil
            }
            if let (saved, options) = restore {
                let used = e.restoreMatching(saved, at: ts, options: options)
                if !used.isEmpty {
                    let usedSet = Set(used)
                    state.withLock { $0.pendingRestore.removeAll { usedSet.contains($0) } }
                }
            }
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
