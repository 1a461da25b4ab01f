import Alerting
import Foundation
import Testing
import TimeSeries

/// `for` state restored after a restart with Prometheus's arithmetic (rules/group.go
/// `RestoreForState`): firing stays due, a short remainder waits the grace period, a longer one
/// is shifted by the downtime; short `for` and old state are not restored.
@Suite struct RestoreForStateTests {
    static let rules = """
        groups:
        - name: g
          interval: 1m
          rules:
          - alert: Long
            expr: up == 0
            for: 30m
          - alert: Short
            expr: up == 0
            for: 5m
        """
    static let up = Labels(["__name__": "up", "job": "api"])

    /// A fixture where `up` is 0 from the start, evaluated once at `ts`.
    func fixture(at ts: Int64) throws -> EvalFixture {
        let samples = stride(from: ts - 3_600_000, through: ts + 3_600_000, by: 60_000).map { ($0, 0.0) }
        return try EvalFixture(rules: Self.rules, series: [(Self.up, samples)])
    }

    func saved(_ f: EvalFixture, rule: String, activeAt: Int64, savedAt: Int64) -> SavedAlert {
        SavedAlert(group: f.evaluator.key, rule: rule,
                   labels: Labels(["alertname": rule, "job": "api"]), activeAt: activeAt, firedAt: nil,
                   state: .pending, savedAt: savedAt)
    }

    func activeAt(_ f: EvalFixture, _ rule: String) -> Int64? {
        f.evaluator.activeAlerts(named: rule).first?.activeAt
    }

    let m = EvalFixture.minutes

    @Test func firingWhenItWentDownKeepsItsActiveAt() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        let n = f.evaluator.restore([saved(f, rule: "Long", activeAt: ts - m(50), savedAt: ts - m(10))], at: ts)
        #expect(n == 1)
        #expect(activeAt(f, "Long") == ts - m(50))
        // Fires at the next evaluation.
        f.evaluator.eval(at: ts + m(1))
        #expect(f.evaluator.activeAlerts(named: "Long").first?.state == .firing)
    }

    @Test func shortRemainderWaitsTheGracePeriod() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        // 25 of 30 minutes pending when it went down: 5m remain, under the 10m grace period.
        f.evaluator.restore([saved(f, rule: "Long", activeAt: ts - m(35), savedAt: ts - m(10))], at: ts)
        #expect(activeAt(f, "Long") == ts + m(10) - m(30))
    }

    @Test func longRemainderIsShiftedByTheDowntime() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        // 5 of 30 minutes pending when it went down 10 minutes ago: 25m remain.
        f.evaluator.restore([saved(f, rule: "Long", activeAt: ts - m(15), savedAt: ts - m(10))], at: ts)
        #expect(activeAt(f, "Long") == ts - m(15) + m(10))
    }

    @Test func forShorterThanTheGracePeriodIsNotRestored() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        let n = f.evaluator.restore([saved(f, rule: "Short", activeAt: ts - m(50), savedAt: ts - m(1))], at: ts)
        #expect(n == 0)
        #expect(activeAt(f, "Short") == ts)
        // A smaller grace period makes it restorable.
        let g = try fixture(at: ts)
        g.evaluator.eval(at: ts)
        let options = RestoreOptions(outageTolerance: 3_600_000, forGracePeriod: 0)
        #expect(g.evaluator.restore([saved(g, rule: "Short", activeAt: ts - m(50), savedAt: ts - m(1))], at: ts, options: options) == 1)
        #expect(activeAt(g, "Short") == ts - m(50))
    }

    @Test func stateOlderThanTheOutageToleranceIsIgnored() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        #expect(f.evaluator.restore([saved(f, rule: "Long", activeAt: ts - m(100), savedAt: ts - m(61))], at: ts) == 0)
        #expect(activeAt(f, "Long") == ts)
    }

    @Test func otherGroupsAndLabelsAreNotTouched() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        f.evaluator.eval(at: ts)
        var other = saved(f, rule: "Long", activeAt: ts - m(50), savedAt: ts - m(1))
        other.group = "other.yml;g"
        var wrongLabels = saved(f, rule: "Long", activeAt: ts - m(50), savedAt: ts - m(1))
        wrongLabels.labels = [["alertname", "Long"], ["job", "web"]]
        #expect(f.evaluator.restore([other, wrongLabels], at: ts) == 0)
    }

    @Test func savedAlertsRoundTripThroughTheRuleManager() throws {
        let ts = m(1000)
        let f = try fixture(at: ts)
        let manager = RuleManager(groups: [f.evaluator.group], context: f.evaluator.context)
        let end: Int64 = ts + 40 * 60_000
        for t in Swift.stride(from: ts, through: end, by: 60_000) { manager.evaluate(at: t) }
        let saved = manager.savedAlerts()
        #expect(saved.map(\.rule).sorted() == ["Long", "Short"])
        #expect(saved.allSatisfy { $0.state == "firing" })
        // A new manager (a restart) restores after its first evaluation, and the alert that was
        // firing fires again at the next one, with its old ActiveAt.
        let restarted = RuleManager(groups: [f.evaluator.group], context: f.evaluator.context)
        restarted.restore(saved)
        var states: [AlertState] = []
        let from: Int64 = ts + 45 * 60_000, to: Int64 = ts + 48 * 60_000
        for t in Swift.stride(from: from, through: to, by: 60_000) where restarted.evaluate(at: t) > 0 {
            if let long = restarted.activeAlerts().first(where: { $0.labels["alertname"] == "Long" }) {
                // ALERTS_FOR_STATE keeps whole seconds, so does the restore.
                #expect(long.activeAt == saved.first { $0.rule == "Long" }.map { $0.activeAt / 1000 * 1000 })
                states.append(long.state)
            }
        }
        #expect(states.first == .pending)
        #expect(states.dropFirst().allSatisfy { $0 == .firing })
        #expect(states.count >= 2)
    }
}
