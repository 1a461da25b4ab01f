import Foundation
import Synchronization
import Testing
import TimeSeries
@testable import Polling

/// A source of our own for scheduler tests: serves a fixed body, fails, or hangs.
struct ScriptedSource: PollSource {
    enum Behaviour: Sendable { case serve(String), fail(String), hang }
    let behaviour: Behaviour
    let calls = Calls()

    final class Calls: Sendable {
        let count = Mutex(0)
        func bump() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    func poll(deadline: ContinuousClock.Instant) async throws -> PollPayload {
        calls.bump()
        switch behaviour {
        case .serve(let body): return PollPayload(body: Array(body.utf8))
        case .fail(let why): throw PollError(why)
        case .hang:
            try? await Task.sleep(for: .seconds(30))
            return PollPayload(body: [])
        }
    }
}

@Suite struct SchedulerTests {
    func target(_ instance: String, _ b: ScriptedSource.Behaviour, interval: Duration = .milliseconds(100),
                timeout: Duration = .milliseconds(50)) -> (PollTarget, ScriptedSource) {
        let src = ScriptedSource(behaviour: b)
        return (PollTarget(labels: Labels(["job": "t", "instance": instance]), source: src,
                           interval: interval, timeout: timeout), src)
    }

    @Test func pollsAndWritesSyntheticSeries() async throws {
        let store = SeriesStore(retention: 3_600_000)
        var poller = TargetPoller(target: target("a", .serve("m 1\n")).0, store: store)
        let o = await poller.poll(deadline: .now + .seconds(1))
        #expect(o.up)
        #expect(o.report?.samplesScraped == 1)
        let up = store.select([try LabelMatcher(.equal, "__name__", "up")], mint: 0, maxt: .max)
        #expect(up.count == 1 && up[0].samples.last?.v == 1)
        #expect(up[0].labels == Labels(["__name__": "up", "job": "t", "instance": "a"]))
        let names = Set(store.allSeries().map(\.metricName))
        #expect(names.isSuperset(of: ["scrape_duration_seconds", "scrape_samples_scraped", "scrape_series_added", "m"]))
    }

    @Test func failureSetsUpZeroAndKeepsError() async throws {
        let store = SeriesStore(retention: 3_600_000)
        var poller = TargetPoller(target: target("a", .fail("connection refused")).0, store: store)
        let o = await poller.poll(deadline: .now + .seconds(1))
        #expect(!o.up)
        #expect(o.error == "connection refused")
        let up = store.select([try LabelMatcher(.equal, "__name__", "up")], mint: 0, maxt: .max)
        #expect(up[0].samples.last?.v == 0)
    }

    @Test func hangingSourceTimesOutWithoutWaiting() async throws {
        let store = SeriesStore(retention: 3_600_000)
        var poller = TargetPoller(target: target("a", .hang).0, store: store)
        let start = ContinuousClock.now
        let o = await poller.poll(deadline: .now + .milliseconds(100))
        // The source would hang for 30 s; the poll returns at its deadline (generous bound for a loaded machine).
        #expect(ContinuousClock.now - start < .seconds(15))
        #expect(!o.up)
        #expect(o.error?.contains("deadline exceeded") == true)
    }

    /// A hanging target and a failing one do not hold back a healthy one.
    @Test func slowTargetsDoNotDelayOthers() async throws {
        let store = SeriesStore(retention: 3_600_000)
        let scheduler = Scheduler(store: store, maxConcurrentPolls: 8)
        let (good, goodSrc) = target("good", .serve("m 1\n"))
        let (hang, _) = target("hang", .hang)
        let (bad, _) = target("bad", .fail("boom"))
        scheduler.run([good, hang, bad])
        // Wait (bounded) until the healthy target has been polled several times and the others have
        // reported their failures; a hanging target holding the others back would never get there.
        let end = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < end {
            let st = scheduler.statuses()
            if goodSrc.calls.value >= 5 && st.count == 3 && st[1].up == false && st[2].up == false { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let st = scheduler.statuses()
        scheduler.stop()
        #expect(goodSrc.calls.value >= 5)
        #expect(st.map(\.instance) == ["good", "hang", "bad"])
        #expect(st[0].up == true && st[0].failures == 0)
        #expect(st[1].up == false && st[1].lastError?.contains("deadline") == true)
        #expect(st[2].up == false && st[2].lastError == "boom")
    }

    @Test func offsetsSpreadWithinInterval() {
        let interval = Duration.seconds(15)
        let offsets = (0..<1000).map { Scheduler.offset(for: "target-\($0)", interval: interval) }
        #expect(offsets.allSatisfy { $0 >= .zero && $0 < interval })
        let buckets = Set(offsets.map { Int($0.seconds) })
        #expect(buckets.count == 15)
    }

    /// Offsets sit on a grid so that targets in one slot share a wake-up; ticks stay on it.
    @Test(arguments: [Duration.seconds(1), .seconds(15), .milliseconds(10)])
    func offsetsFallOnTheSlotGrid(interval: Duration) {
        let slot = Scheduler.slot(for: interval)
        #expect(slot > .zero && slot <= .milliseconds(50) && slot <= interval)
        let epoch = ContinuousClock.now
        for k in 0..<200 {
            let offset = Scheduler.offset(for: "target-\(k)", interval: interval)
            #expect(offset.nanoseconds % slot.nanoseconds == 0)
            let now = epoch + .milliseconds(k * 37)
            let first = Scheduler.firstTick(epoch: epoch, now: now, offset: offset, interval: interval)
            #expect(first >= now && first < now + interval)
            #expect((first - epoch - offset).nanoseconds % interval.nanoseconds == 0)
        }
    }

    @Test func limiterCapsConcurrency() async {
        let limiter = ConcurrencyLimiter(limit: 2)
        let peak = Peak()
        await withTaskGroup(of: Void.self) { g in
            for _ in 0..<10 {
                g.addTask {
                    await limiter.acquire()
                    peak.enter()
                    try? await Task.sleep(for: .milliseconds(5))
                    peak.leave()
                    limiter.release()
                }
            }
        }
        #expect(peak.highest == 2)
    }
}

/// Counts how many tasks are inside a section at once, and the most ever.
final class Peak: Sendable {
    private let state = Mutex((now: 0, max: 0))
    func enter() { state.withLock { $0.now += 1; $0.max = max($0.max, $0.now) } }
    func leave() { state.withLock { $0.now -= 1 } }
    var highest: Int { state.withLock { $0.max } }
}
