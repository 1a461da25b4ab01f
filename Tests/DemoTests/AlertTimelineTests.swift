import Alerting
import Exposition
import Scrape
import Testing
import TimeSeries
@testable import Demo

/// The demo on a simulated clock: its pages scraped every 2 s into a store and its bundled rules
/// evaluated every second, as `vigil` does, but without waiting. The incident alert must go
/// pending, fire and resolve within two minutes of the start.
@Suite struct AlertTimelineTests {
    struct Timeline {
        var pending: [String: Double] = [:]
        var firing: [String: Double] = [:]
        var resolved: [String: Double] = [:]
        /// Every time an alert went from inactive to pending.
        var starts: [String: [Double]] = [:]
    }

    /// Replays `seconds` of the demo and records, per `alertname/job-or-queue`, when it first
    /// went pending, fired and resolved (seconds since start).
    static func replay(seconds: Int, seed: UInt64 = 7) throws -> Timeline {
        let t0: Int64 = 1_700_000_000_000
        var sim = DemoSimulation(seed: seed, startEpochSeconds: Double(t0) / 1000)
        let store = SeriesStore()
        var ingesters = DemoSimulation.jobs.map { job in
            ScrapeIngester(store: store, target: TargetLabels(Labels(["job": job, "instance": "127.0.0.1:1"])))
        }
        let file = try RuleFileLoader.parse(text: DemoBundle.rulesText, file: DemoBundle.ruleFileName)
        let rules = RuleManager(groups: file.groups, context: RuleEvaluationContext(store: store, evaluationInterval: 5000))
        var timeline = Timeline()
        var wasActive: Set<String> = []
        for step in 0...(seconds * 10) {
            let elapsed = Double(step) / 10
            let ts = t0 + Int64(step) * 100
            if step % 20 == 3 {
                // A poll every 2 s, a little after the simulation's tick.
                sim.advance(to: elapsed)
                for (i, job) in DemoSimulation.jobs.enumerated() {
                    let page = try #require(sim.exposition(job))
                    _ = try ingesters[i].ingest(page, format: .prometheusText, at: ts)
                }
            }
            guard step % 10 == 0, rules.evaluate(at: ts) > 0 else { continue }
            var active: Set<String> = []
            for alert in rules.activeAlerts() {
                let key = alert.labels["alertname"] + "/" + (alert.labels.has("job") && alert.labels["queue"].isEmpty ? alert.labels["job"] : alert.labels["queue"])
                switch alert.state {
                case .pending:
                    active.insert(key)
                    if timeline.pending[key] == nil { timeline.pending[key] = elapsed }
                case .firing:
                    active.insert(key)
                    if timeline.firing[key] == nil { timeline.firing[key] = elapsed }
                case .inactive:
                    break
                }
            }
            for key in wasActive.subtracting(active) where timeline.resolved[key] == nil { timeline.resolved[key] = elapsed }
            for key in active.subtracting(wasActive) { timeline.starts[key, default: []].append(elapsed) }
            wasActive = active
        }
        return timeline
    }

    @Test func incidentAlertPendsFiresAndResolvesWithinTwoMinutes() throws {
        let t = try Self.replay(seconds: 120)
        let key = "HighErrorRate/payments"
        let pending = try #require(t.pending[key])
        let firing = try #require(t.firing[key])
        let resolved = try #require(t.resolved[key])
        #expect(pending >= 20 && pending <= 40, "pending at \(pending) s")
        #expect(firing >= 50 && firing <= 90, "firing at \(firing) s")
        #expect(firing - pending >= 30)
        #expect(resolved > firing && resolved < 120, "resolved at \(resolved) s")
        // Only payments has the incident; checkout feels it without crossing the threshold.
        #expect(Set(t.pending.keys) == [key])
    }

    @Test(arguments: [1, 7, 42, 2024] as [UInt64])
    func timingHoldsForOtherSeeds(seed: UInt64) throws {
        let t = try Self.replay(seconds: 120, seed: seed)
        let key = "HighErrorRate/payments"
        #expect(t.firing[key] != nil)
        #expect((t.resolved[key] ?? 999) < 120)
    }

    @Test func cyclesRepeatAndTheQueueAlertComesAndGoes() throws {
        let t = try Self.replay(seconds: 420)
        // The email queue's surge (2:30-3:30) pushes it over 800 for a while, then it drains.
        let firing = try #require(t.firing["QueueBacklog/emails"])
        #expect(firing > 180 && firing < 230, "queue alert firing at \(firing) s")
        #expect((t.resolved["QueueBacklog/emails"] ?? 999) < 270)
        #expect(t.pending["HighErrorRate/payments"].map { $0 < 60 } == true)
        #expect(t.pending["QueueBacklog/thumbnails"] == nil)
        // The next incident, five minutes after the first.
        let starts = t.starts["HighErrorRate/payments"] ?? []
        #expect(starts.count == 2)
        #expect(starts.last.map { abs($0 - 300 - starts[0]) <= 5 } == true, "incident alerts at \(starts)")
    }
}
