import Alerting
import Foundation
import Testing
import TimeSeries

/// Silences match alerts by their matchers, expire, and survive a restart through an atomic
/// state file; a corrupt file is set aside with a message, never a crash.
@Suite struct SilenceStoreTests {
    func tempDir() -> String {
        let d = NSTemporaryDirectory() + "vigil-silences-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    let alert = Labels(["alertname": "HighErrors", "job": "api", "severity": "page"])

    @Test func matchersSelectAlerts() throws {
        let s = Silence.forAlert(alert, id: "a", from: 0, duration: 1000, createdBy: "me", comment: "")
        #expect(s.matches(alert))
        #expect(!s.matches(Labels(["alertname": "HighErrors", "job": "web", "severity": "page"])))
        let regex = Silence(id: "b", matchers: [.init(name: "job", value: "a.*", isRegex: true)], startsAt: 0, endsAt: 10,
                            createdBy: "", comment: "")
        #expect(regex.matches(alert))
        let negative = Silence(id: "c", matchers: [.init(name: "severity", value: "page", isEqual: false)], startsAt: 0,
                               endsAt: 10, createdBy: "", comment: "")
        #expect(!negative.matches(alert))
        let broken = Silence(id: "d", matchers: [.init(name: "job", value: "(", isRegex: true)], startsAt: 0, endsAt: 10,
                             createdBy: "", comment: "")
        #expect(!broken.matches(alert))
        #expect(!Silence(id: "e", matchers: [], startsAt: 0, endsAt: 10, createdBy: "", comment: "").matches(alert))
    }

    @Test func silencesPersistAndExpire() throws {
        let dir = tempDir()
        let path = dir + "/silences.json"
        let store = SilenceStore(path: path)
        #expect(store.loadError == nil)
        #expect(store.add(Silence.forAlert(alert, id: "s1", from: 1000, duration: 60_000, createdBy: "ana", comment: "deploy")) == nil)
        #expect(store.isSilenced(alert, at: 2000))
        #expect(!store.isSilenced(alert, at: 61_000))

        let reopened = SilenceStore(path: path)
        let all = reopened.all(at: 2000)
        #expect(all.count == 1)
        #expect(all.first?.createdBy == "ana")
        #expect(all.first?.comment == "deploy")
        #expect(reopened.isSilenced(alert, at: 2000))
        reopened.expire(id: "s1", at: 3000)
        #expect(!SilenceStore(path: path).isSilenced(alert, at: 3500))
        // Long expired silences are dropped from the list.
        #expect(SilenceStore(path: path).all(at: 3000 + SilenceStore.expiredRetention + 1).isEmpty)
        // No temporary files left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(left == ["silences.json"])
    }

    @Test func corruptFileIsSetAside() throws {
        let dir = tempDir()
        let path = dir + "/silences.json"
        try Data("{\"silences\": [{\"id\": 3".utf8).write(to: URL(fileURLWithPath: path))
        let store = SilenceStore(path: path)
        let message = try #require(store.loadError)
        #expect(message.contains("silences.json"))
        #expect(message.contains("moved to"))
        #expect(store.all(at: 0).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(left.contains { $0.hasPrefix("silences.json.corrupt-") })
        // And it works again from there.
        #expect(store.add(Silence.forAlert(alert, id: "x", from: 0, duration: 10, createdBy: "", comment: "")) == nil)
        #expect(SilenceStore(path: path).loadError == nil)
    }

    @Test func unwritableFolderGivesAnError() throws {
        let store = SilenceStore(path: "/proc/vigil-cannot-write/silences.json")
        let error = store.add(Silence.forAlert(alert, id: "x", from: 0, duration: 10, createdBy: "", comment: ""))
        #expect(error != nil)
        // Still silenced in memory.
        #expect(store.isSilenced(alert, at: 5))
    }
}
