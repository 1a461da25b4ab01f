@testable import Notify
import Testing

/// The history the dashboard shows, and the events its banner and bell follow.
struct AlertHistoryTests {
    @Test func recordsEpisodesOnceEach() {
        let h = AlertHistory()
        let fired = h.record([TestSupport.alert("A", startsAt: 1000, endsAt: 241_000, sentAt: 1000),
                              TestSupport.alert("B", startsAt: 2000, endsAt: 242_000, sentAt: 2000)])
        #expect(fired.map(\.kind) == [.fired, .fired])
        // Re-sends change nothing.
        #expect(h.record([TestSupport.alert("A", startsAt: 1000, endsAt: 301_000, sentAt: 61_000)]).isEmpty)
        let resolved = h.record([TestSupport.alert("A", status: .resolved, startsAt: 1000, endsAt: 90_000, sentAt: 90_000)])
        #expect(resolved.map(\.kind) == [.resolved])
        #expect(resolved.first?.episode.duration(now: 1_000_000) == 89_000)
        #expect(h.record([TestSupport.alert("A", status: .resolved, startsAt: 1000, endsAt: 90_000, sentAt: 150_000)]).isEmpty)
        // A new firing of A is a new episode.
        #expect(h.record([TestSupport.alert("A", startsAt: 500_000, endsAt: nil, sentAt: 500_000)]).map(\.kind) == [.fired])
        let episodes = h.episodes()
        #expect(episodes.map(\.name) == ["A", "B", "A"])
        #expect(episodes[0].resolvedAt == nil && episodes[2].resolvedAt == 90_000)
        #expect(h.firing().map(\.name) == ["A", "B"])
        #expect(h.firing().first?.duration(now: 560_000) == 60_000)
        #expect(h.lastSequence == 4)
        #expect(h.events(after: 2).map(\.kind) == [.resolved, .fired])
    }

    @Test func resolutionOfAnUnknownFiringIsKept() {
        let h = AlertHistory()
        let events = h.record([TestSupport.alert("A", status: .resolved, startsAt: 1000, endsAt: 5000, sentAt: 5000)])
        #expect(events.map(\.kind) == [.resolved])
        #expect(h.episodes().first?.duration(now: 0) == 4000)
    }

    @Test func isBounded() {
        let h = AlertHistory(capacity: 10)
        for i in 0..<95 {
            h.record([TestSupport.alert("A", ["i": String(i)], startsAt: Int64(i), endsAt: nil, sentAt: Int64(i))])
        }
        let episodes = h.episodes()
        #expect(episodes.count == 10)
        #expect(episodes.first?.labels["i"] == "94" && episodes.last?.labels["i"] == "85")
        #expect(h.events(after: 0).count <= 20)
        // Forgotten episodes no longer match; kept ones still do.
        #expect(h.record([TestSupport.alert("A", ["i": "94"], status: .resolved, startsAt: 94, endsAt: 200, sentAt: 200)])
            .first?.episode.firedAt == 94)
        #expect(h.episodes().first?.resolvedAt == 200)
    }
}
