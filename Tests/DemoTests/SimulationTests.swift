import Exposition
import Foundation
import Testing
@testable import Demo

/// The simulation's values: reproducible, well-formed, shaped as the schedule says.
@Suite struct SimulationTests {
    @Test func sameSeedSameValuesHoweverOftenRead() {
        var once = DemoSimulation(seed: 3, startEpochSeconds: 1000)
        once.advance(to: 95.05)
        var often = DemoSimulation(seed: 3, startEpochSeconds: 1000)
        var t = 0.0
        while t < 95 {
            t += 0.37
            often.advance(to: min(t, 95.05))
        }
        often.advance(to: 95.05)
        for job in DemoSimulation.jobs { #expect(once.exposition(job) == often.exposition(job)) }
        var other = DemoSimulation(seed: 4, startEpochSeconds: 1000)
        other.advance(to: 95.05)
        #expect(other.exposition("checkout") != once.exposition("checkout"))
        // Never backwards.
        once.advance(to: 10)
        #expect(once.elapsed == 95)
    }

    @Test func pagesParseAndHistogramsAreConsistent() throws {
        var sim = DemoSimulation(seed: 7, startEpochSeconds: 1_700_000_000)
        for t in stride(from: 0.0, through: 300, by: 30) {
            sim.advance(to: t)
            for job in DemoSimulation.jobs {
                let page = try #require(sim.exposition(job))
                var parser = ExpositionParser(bytes: page, format: .prometheusText)
                var buckets: [String: [Double]] = [:]
                var counts: [String: Double] = [:]
                var samples = 0
                while let entry = try parser.next() {
                    guard case .series = entry else { continue }
                    samples += 1
                    let name = parser.metricName
                    let labels = Dictionary(parser.labels().map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                    #expect(parser.value >= 0 && parser.value.isFinite)
                    if name == "http_request_duration_seconds_bucket" {
                        buckets[labels["route"] ?? "", default: []].append(parser.value)
                    }
                    if name == "http_request_duration_seconds_count" { counts[labels["route"] ?? ""] = parser.value }
                }
                #expect(samples > 4)
                for (route, cumulative) in buckets {
                    #expect(cumulative == cumulative.sorted(), "buckets of \(route) not cumulative")
                    #expect(cumulative.last == counts[route])
                }
            }
        }
        #expect(sim.exposition("nope") == nil)
    }

    @Test func countersNeverGoBackwards() {
        var sim = DemoSimulation(seed: 11, startEpochSeconds: 0)
        var previous: [[Double]] = []
        for t in stride(from: 1.0, through: 400, by: 1.7) {
            sim.advance(to: t)
            let now = sim.services.map { $0.requests.flatMap { $0 } + $0.buckets.flatMap { $0 } + [$0.process.cpuSeconds] }
                + sim.queues.map { [$0.enqueued, $0.processed] }
            if !previous.isEmpty {
                for (a, b) in zip(previous, now) { #expect(zip(a, b).allSatisfy { $0 <= $1 }) }
            }
            previous = now
        }
    }

    @Test func ratesAndErrorsFollowTheModel() {
        var sim = DemoSimulation(seed: 7, startEpochSeconds: 0)
        sim.advance(to: 19)
        let quiet = sim.services.map { s in (s.requests.flatMap { $0 }.reduce(0, +), s.requests.map { $0[2] + $0[3] }.reduce(0, +)) }
        sim.advance(to: 79)
        let incident = sim.services.map { s in (s.requests.flatMap { $0 }.reduce(0, +), s.requests.map { $0[2] + $0[3] }.reduce(0, +)) }
        for (i, m) in DemoServiceModel.all.enumerated() {
            // Requests per second within 35% of the model's average (the traffic wave is ±30%).
            let perSecond = quiet[i].0 / 19
            #expect(abs(perSecond - m.rate) / m.rate < 0.35, "\(m.name): \(perSecond)/s")
            let errorRatio = (incident[i].1 - quiet[i].1) / (incident[i].0 - quiet[i].0)
            #expect(abs(errorRatio - m.incidentServerErrors) < max(0.01, m.incidentServerErrors * 0.3), "\(m.name): \(errorRatio)")
        }
    }

    @Test func emailQueueFillsAndDrains() {
        var sim = DemoSimulation(seed: 7, startEpochSeconds: 0)
        sim.advance(to: 149)
        #expect(sim.queues[0].depth < 30)
        #expect(sim.queues[0].consumers == 3)
        sim.advance(to: 205)
        #expect(sim.queues[0].depth > 1000)
        sim.advance(to: 215)
        #expect(sim.queues[0].consumers == 5)
        sim.advance(to: 280)
        #expect(sim.queues[0].depth < 30)
        #expect(sim.queues[0].consumers == 3)
        #expect(sim.queues[1].depth < 200)
    }

    @Test func writerEscapesAndFormats() {
        var w = DemoExpositionWriter()
        w.sample("m", [("a", "x\"y\\z\nw")], 0.005)
        w.sample("m", [], 1e20)
        w.sample("m", [], 42)
        #expect(String(decoding: w.bytes, as: UTF8.self) == "m{a=\"x\\\"y\\\\z\\nw\"} 0.005\nm 1e+20\nm 42\n")
    }
}
