@testable import Notify
import Testing

/// Which re-sends reach a notifier.
struct ResendFilterTests {
    func firing(_ sentAt: Int64, startsAt: Int64 = 0) -> OutgoingAlert {
        TestSupport.alert("A", startsAt: startsAt, endsAt: sentAt + 240_000, sentAt: sentAt)
    }

    func resolved(_ sentAt: Int64, startsAt: Int64 = 0) -> OutgoingAlert {
        TestSupport.alert("A", status: .resolved, startsAt: startsAt, endsAt: 100_000, sentAt: sentAt)
    }

    @Test func repeatsFiringAfterTheDelayAndResolvedOnce() {
        var f = ResendFilter(policy: DeliveryPolicy(resendDelay: 120_000, repeatResolved: false, maxBatchSize: 10))
        #expect(f.pass([firing(0)]).count == 1)
        #expect(f.pass([firing(60_000)]).isEmpty)
        #expect(f.pass([firing(120_000)]).count == 1)
        #expect(f.pass([resolved(150_000)]).count == 1)
        #expect(f.pass([resolved(210_000)]).isEmpty)
        #expect(f.pass([resolved(400_000)]).isEmpty)
        // It fires again: a new episode passes at once.
        #expect(f.pass([firing(500_000, startsAt: 500_000)]).count == 1)
    }

    @Test func alertmanagerPolicyRepeatsResolvedToo() {
        var f = ResendFilter(policy: DeliveryPolicy(resendDelay: 60_000, repeatResolved: true, maxBatchSize: 10))
        #expect(f.pass([resolved(0)]).count == 1)
        #expect(f.pass([resolved(30_000)]).isEmpty)
        #expect(f.pass([resolved(75_000)]).count == 1)
    }

    @Test func changesOnlyWithoutDelay() {
        var f = ResendFilter(policy: DeliveryPolicy(resendDelay: nil, repeatResolved: false, maxBatchSize: 10))
        #expect(f.pass([firing(0)]).count == 1)
        #expect(f.pass([firing(10_000_000)]).isEmpty)
        #expect(f.pass([resolved(10_000_001)]).count == 1)
    }

    @Test func memoryIsBounded() {
        var f = ResendFilter(policy: DeliveryPolicy(resendDelay: 60_000, repeatResolved: false, maxBatchSize: 10), capacity: 100)
        for i in 0..<1000 {
            _ = f.pass([TestSupport.alert("A", ["i": String(i)], startsAt: 0, endsAt: nil, sentAt: Int64(i))])
        }
        #expect(f.seen.count <= 100)
        // Entries not seen for over an hour are forgotten.
        _ = f.pass([TestSupport.alert("B", startsAt: 0, endsAt: nil, sentAt: 10 * 3_600_000)])
        #expect(f.seen.count == 1)
    }
}
