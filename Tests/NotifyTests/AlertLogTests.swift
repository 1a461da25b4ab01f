import Foundation
@testable import Notify
import Testing

/// The JSON-lines alert log: content, one line per event, rotation.
struct AlertLogTests {
    static func lines(_ path: String) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { TestSupport.json(String($0)) as? [String: Any] }
    }

    @Test func writesOneObjectPerEvent() throws {
        let dir = TestSupport.temporaryDirectory("log")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = AlertLogNotifier(path: dir + "/alerts.log", now: { 1_700_000_000_500 })
        let a = TestSupport.alert("A", ["job": "api"], annotations: ["summary": "line\nbreak \"quoted\""], startsAt: 1_700_000_000_000,
                                  endsAt: 1_700_000_240_000, value: 0.25)
        let r = TestSupport.alert("A", ["job": "api"], status: .resolved, startsAt: 1_700_000_000_000, endsAt: 1_700_000_100_000)
        #expect(log.deliver([a]) == .delivered)
        #expect(log.deliver([r]) == .delivered)
        let lines = Self.lines(dir + "/alerts.log")
        #expect(lines.count == 2)
        #expect(lines[0]["time"] as? String == "2023-11-14T22:13:20.5Z")
        #expect(lines[0]["status"] as? String == "firing")
        #expect(lines[0]["labels"] as? [String: String] == ["alertname": "A", "job": "api"])
        #expect(lines[0]["annotations"] as? [String: String] == ["summary": "line\nbreak \"quoted\""])
        #expect(lines[0]["startsAt"] as? String == "2023-11-14T22:13:20Z")
        #expect(lines[0]["value"] as? String == "0.25")
        #expect(lines[1]["status"] as? String == "resolved")
        #expect(lines[1]["endsAt"] as? String == "2023-11-14T22:15:00Z")
        #expect(lines[1]["fingerprint"] as? String == a.fingerprintHex)
        var st = stat()
        #expect(stat(dir + "/alerts.log", &st) == 0 && st.st_mode & 0o777 == 0o640)
    }

    @Test func rotatesAtTheSizeBound() throws {
        let dir = TestSupport.temporaryDirectory("log")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/alerts.log"
        let log = AlertLogNotifier(path: path, maxBytes: 4096, keep: 2)
        for i in 0..<100 {
            #expect(log.deliver([TestSupport.alert("A", ["i": String(i)], startsAt: 1000, endsAt: nil)]) == .delivered)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["alerts.log", "alerts.log.1", "alerts.log.2"])
        for f in files {
            let size = try #require(FileManager.default.attributesOfItem(atPath: dir + "/" + f)[.size] as? Int)
            #expect(size <= 4096)
        }
        // The newest event is last in the current file; the rotated files are older and whole.
        #expect((Self.lines(path).last?["labels"] as? [String: String])?["i"] == "99")
        let older = Self.lines(path + ".1").compactMap { ($0["labels"] as? [String: String])?["i"] }.compactMap(Int.init)
        let current = Self.lines(path).compactMap { ($0["labels"] as? [String: String])?["i"] }.compactMap(Int.init)
        #expect(older.last.map { $0 + 1 } == current.first)
    }

    @Test func throughTheDispatcherOnlyChangesAreLogged() async throws {
        let dir = TestSupport.temporaryDirectory("log")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = AlertLogNotifier(path: dir + "/alerts.log")
        let d = NotificationDispatcher(notifiers: [log])
        d.start()
        defer { d.stop() }
        for t in stride(from: Int64(0), through: 300_000, by: 60_000) {
            d.submit([TestSupport.alert("A", startsAt: 0, endsAt: t + 240_000, sentAt: t)])
        }
        for t in stride(from: Int64(360_000), through: 600_000, by: 60_000) {
            d.submit([TestSupport.alert("A", status: .resolved, startsAt: 0, endsAt: 360_000, sentAt: t)])
        }
        #expect(await d.waitUntilIdle(timeout: .seconds(10)))
        #expect(Self.lines(dir + "/alerts.log").map { $0["status"] as? String } == ["firing", "resolved"])
    }

    @Test func anUnwritablePathIsRetriedWithAReason() {
        let log = AlertLogNotifier(path: "/proc/vigil-no-such-dir/alerts.log")
        guard case .retry(let reason) = log.deliver([TestSupport.alert("A", startsAt: 0, endsAt: nil)]) else {
            Issue.record("expected a retry")
            return
        }
        #expect(reason == "log /proc/vigil-no-such-dir/alerts.log: No such file or directory")
    }
}
