import Foundation
@testable import Notify
import Testing

/// Queueing, retries, bounds and the spool, with a scripted notifier standing in for a
/// destination (the real destinations have their own tests).
struct DispatcherTests {
    static let fast = DispatcherOptions(initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(100))

    func alerts(_ n: Int, from: Int = 0, sentAt: Int64 = 1000) -> [OutgoingAlert] {
        (from..<(from + n)).map { TestSupport.alert("A", ["i": String($0)], startsAt: 1000, endsAt: nil, sentAt: sentAt) }
    }

    @Test func aBlockedNotifierHoldsUpNobody() async throws {
        let slow = ScriptedNotifier(id: "slow", holding: true)
        let quick = ScriptedNotifier(id: "quick")
        let d = NotificationDispatcher(notifiers: [slow, quick], options: Self.fast)
        d.start()
        defer { d.stop() }
        for i in 0..<20 { d.submit(alerts(1, from: i)) }
        // Every submit returned although `slow` has not finished its first delivery.
        #expect(await TestSupport.eventually { quick.delivered.count == 20 })
        #expect(slow.delivered.isEmpty)
        slow.release()
        #expect(await TestSupport.eventually { slow.delivered.count == 20 })
        #expect(slow.delivered.map { $0.labels["i"] } == (0..<20).map(String.init))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
    }

    @Test func overTheBoundTheOldestBatchesGo() async throws {
        let n = ScriptedNotifier(holding: true)
        var options = Self.fast
        options.queueCapacity = 5
        let d = NotificationDispatcher(notifiers: [n], options: options)
        d.start()
        defer { d.stop() }
        d.submit(alerts(2, from: 0))
        // The first batch is now being sent (and is never dropped while it is).
        #expect(await TestSupport.eventually { n.entered == 1 })
        d.submit(alerts(2, from: 2))
        d.submit(alerts(2, from: 4))
        d.submit(alerts(2, from: 6))
        // 2, 3 and then 4, 5 made room; 0, 1 (being sent) and 6, 7 are left.
        let s = d.stats()[0]
        #expect(s.dropped == 4)
        #expect(s.queued == 4)
        // A batch larger than the whole queue keeps its newest alerts (2 dropped), and makes
        // room by dropping 6, 7; the batch being sent stays, over the bound until it is done.
        d.submit(alerts(7, from: 10))
        #expect(d.stats()[0].dropped == 4 + 2 + 2)
        #expect(d.stats()[0].queued == 7)
        n.release()
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.delivered.map { $0.labels["i"] } == ["0", "1", "12", "13", "14", "15", "16"])
    }

    @Test func failuresBackOffAndRetryUntilDelivered() async throws {
        let n = ScriptedNotifier(script: [.retry("connection refused"), .retry("connection refused"), .retry("HTTP 503")])
        let d = NotificationDispatcher(notifiers: [n], options: Self.fast)
        d.start()
        defer { d.stop() }
        d.submit(alerts(3))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.calls.count == 4)
        #expect(n.delivered.count == 3)
        let s = d.stats()[0]
        #expect(s.sent == 3 && s.failed == 9 && s.dropped == 0 && s.queued == 0)
        #expect(s.consecutiveFailures == 0 && s.lastError == "HTTP 503" && s.lastSuccessAt != nil)
    }

    @Test func backoffDoublesUpToTheCap() {
        let o = DispatcherOptions(initialBackoff: .seconds(1), maxBackoff: .seconds(60))
        #expect((1...8).map { o.backoff(failures: $0, jitter: 1) } == [1, 2, 4, 8, 16, 32, 60, 60].map { Duration.seconds($0) })
        #expect(o.backoff(failures: 1_000_000, jitter: 1) == .seconds(60))
    }

    @Test func partialDeliveryResumesAfterWhatWentOut() async throws {
        let n = ScriptedNotifier(script: [.partial(delivered: 2, error: "exit status 1")])
        let d = NotificationDispatcher(notifiers: [n], options: Self.fast)
        d.start()
        defer { d.stop() }
        d.submit(alerts(5))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.calls.map(\.count) == [5, 3])
        #expect(n.delivered.map { $0.labels["i"] } == ["0", "1", "2", "3", "4"])
        #expect(d.stats()[0].sent == 5 && d.stats()[0].failed == 3)
    }

    @Test func refusedAlertsAreDroppedNotRetried() async throws {
        let n = ScriptedNotifier(script: [.reject("400 Bad Request")])
        let d = NotificationDispatcher(notifiers: [n], options: Self.fast)
        d.start()
        defer { d.stop() }
        d.submit(alerts(2))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        d.submit(alerts(1, from: 5))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.calls.count == 2)
        let s = d.stats()[0]
        #expect(s.dropped == 2 && s.sent == 1 && s.lastError == "400 Bad Request")
    }

    @Test func perNotifierResendDelayFiltersRepeats() async throws {
        let n = ScriptedNotifier(policy: DeliveryPolicy(resendDelay: 300_000, repeatResolved: false, maxBatchSize: 10))
        let d = NotificationDispatcher(notifiers: [n], options: Self.fast)
        d.start()
        defer { d.stop() }
        for t in stride(from: Int64(0), through: 600_000, by: 60_000) {
            d.submit([TestSupport.alert("A", startsAt: 0, endsAt: t + 240_000, sentAt: t)])
        }
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.delivered.map(\.sentAt) == [0, 300_000, 600_000])
    }

    @Test func undeliveredBatchesSurviveARestart() async throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Self.fast
        options.spoolDirectory = dir
        let down = ScriptedNotifier(id: "am")
        down.setFailing("connection refused")
        let first = NotificationDispatcher(notifiers: [down], options: options)
        first.start()
        first.submit(alerts(2, from: 0))
        first.submit(alerts(1, from: 2))
        #expect(await TestSupport.eventually { first.stats()[0].failed >= 3 && first.isIdle == false })
        first.stop()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/am").sorted()
        #expect(files == ["00000000000000000001.json", "00000000000000000002.json"])

        let up = ScriptedNotifier(id: "am")
        let second = NotificationDispatcher(notifiers: [up], options: options)
        #expect(second.stats()[0].queued == 3)
        second.start()
        defer { second.stop() }
        #expect(await second.waitUntilIdle(timeout: .seconds(10)))
        #expect(up.delivered.map { $0.labels["i"] } == ["0", "1", "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/am").isEmpty)
        // Sequence numbers continue after the restored ones.
        up.setFailing("down again")
        second.submit(alerts(1, from: 9))
        #expect(await TestSupport.eventually {
            (try? FileManager.default.contentsOfDirectory(atPath: dir + "/am")) == ["00000000000000000003.json"]
        })
    }

    @Test func aCorruptSpoolFileIsMovedAsideAndReported() async throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = SpoolFolder(path: dir + "/am")
        try folder.create()
        try folder.write(7, alerts(1, from: 7))
        try "{\"version\":1,\"alerts\":[{\"labels\":".write(toFile: dir + "/am/00000000000000000005.json", atomically: false, encoding: .utf8)
        try "garbage".write(toFile: dir + "/am/00000000000000000006.json", atomically: false, encoding: .utf8)
        try "half".write(toFile: dir + "/am/00000000000000000008.json.tmp", atomically: false, encoding: .utf8)
        var options = Self.fast
        options.spoolDirectory = dir
        let n = ScriptedNotifier(id: "am")
        let d = NotificationDispatcher(notifiers: [n], options: options)
        let problems = d.stats()[0].spoolProblems
        #expect(problems.count == 2)
        #expect(problems.first?.contains("00000000000000000005.json is unreadable") == true)
        d.start()
        defer { d.stop() }
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.delivered.map { $0.labels["i"] } == ["7"])
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/am").sorted()
        #expect(left == ["00000000000000000005.json.corrupt", "00000000000000000006.json.corrupt"])
    }

    @Test func aSpoolOverTheBoundKeepsTheNewest() async throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = SpoolFolder(path: dir + "/am")
        try folder.create()
        for i in 1...4 { try folder.write(UInt64(i), alerts(2, from: 2 * i)) }
        var options = Self.fast
        options.spoolDirectory = dir
        options.queueCapacity = 4
        let n = ScriptedNotifier(id: "am")
        let d = NotificationDispatcher(notifiers: [n], options: options)
        #expect(d.stats()[0].queued == 4 && d.stats()[0].dropped == 4)
        d.start()
        defer { d.stop() }
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(n.delivered.map { $0.labels["i"] } == ["6", "7", "8", "9"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/am").isEmpty)
    }

    @Test func aSpoolInUseIsNotShared() throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Self.fast
        options.spoolDirectory = dir
        let first = NotificationDispatcher(notifiers: [ScriptedNotifier(id: "am")], options: options)
        let second = NotificationDispatcher(notifiers: [ScriptedNotifier(id: "am")], options: options)
        #expect(first.startupProblems.isEmpty)
        #expect(second.startupProblems.first?.contains("in use by another Vigil process") == true)
        first.stop()
        let third = NotificationDispatcher(notifiers: [ScriptedNotifier(id: "am")], options: options)
        #expect(third.startupProblems.isEmpty)
        third.stop()
        second.stop()
    }

    @Test func sameDestinationTwiceGetsTwoSpoolFolders() async throws {
        let dir = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Self.fast
        options.spoolDirectory = dir
        let a = ScriptedNotifier(id: "am"), b = ScriptedNotifier(id: "am")
        a.setFailing("down")
        b.setFailing("down")
        let d = NotificationDispatcher(notifiers: [a, b], options: options)
        d.start()
        d.submit(alerts(1))
        #expect(await TestSupport.eventually {
            (try? FileManager.default.contentsOfDirectory(atPath: dir + "/am-2")) == ["00000000000000000001.json"]
                && (try? FileManager.default.contentsOfDirectory(atPath: dir + "/am")) == ["00000000000000000001.json"]
        })
        d.stop()
    }

    @Test func metricsTextNamesEveryNotifier() async throws {
        let d = NotificationDispatcher(notifiers: [ScriptedNotifier(id: "am-1"), ScriptedNotifier(id: "log-\"x\"")], options: Self.fast)
        d.start()
        defer { d.stop() }
        d.submit(alerts(2))
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        let text = d.metricsText()
        #expect(text.contains("vigil_notifications_sent_total{notifier=\"am-1\"} 2\n"))
        #expect(text.contains("vigil_notifications_queue_capacity{notifier=\"log-\\\"x\\\"\"} 10000\n"))
        #expect(text.contains("# TYPE vigil_notifications_queue_length gauge\n"))
    }

    @Test func historyFollowsSubmissions() {
        let h = AlertHistory()
        let d = NotificationDispatcher(notifiers: [], history: h)
        d.submit([TestSupport.alert("A", startsAt: 1, endsAt: nil)])
        #expect(h.firing().map(\.name) == ["A"])
    }
}
