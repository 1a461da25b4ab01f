import Foundation
@testable import Notify
import Testing
import TimeSeries

/// The command notifier against real programs: `/bin/sh` scripts written by the tests.
struct CommandNotifierTests {
    /// A script that saves its environment (NUL-separated), its stdin and its arguments to
    /// files named after the alert's fingerprint and status in `dir`.
    static func recorder(in dir: String, extra: String = "") throws -> String {
        let path = dir + "/record.sh"
        let script = """
            #!/bin/sh
            out="$1/$VIGIL_ALERT_FINGERPRINT-$VIGIL_ALERT_STATUS"
            /usr/bin/env -0 > "$out.env"
            cat > "$out.stdin"
            printf '%s' "$2" > "$out.arg"
            \(extra)
            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func environment(_ file: String) throws -> [String: String] {
        let data = try #require(FileManager.default.contents(atPath: file))
        var env: [String: String] = [:]
        for item in data.split(separator: 0) {
            let s = String(decoding: item, as: UTF8.self)
            guard let eq = s.firstIndex(of: "=") else { continue }
            env[String(s[..<eq])] = String(s[s.index(after: eq)...])
        }
        return env
    }

    @Test func passesTheAlertInTheEnvironmentAndOnStdin() throws {
        let dir = TestSupport.temporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = try Self.recorder(in: dir)
        let n = CommandNotifier(argv: ["/bin/sh", script, dir, "$HOME `id` $(id)"], timeout: .seconds(10),
                                environment: ["PATH": "/usr/bin:/bin", "VIGIL_ALERT_NAME": "stale"])
        let a = TestSupport.alert("DiskFull", ["instance": "db:9100", "mount": "/var lib"], annotations: ["summary": "95% full", "runbook-url": "x"],
                                  startsAt: 1_700_000_000_000, endsAt: 1_700_000_240_000, value: 95.5,
                                  generatorURL: "http://vigil/graph?g0.expr=x&g0.tab=1")
        #expect(n.deliver([a]) == .delivered)
        let base = dir + "/" + a.fingerprintHex + "-firing"
        let env = try Self.environment(base + ".env")
        #expect(env["VIGIL_ALERT_NAME"] == "DiskFull")
        #expect(env["VIGIL_ALERT_STATUS"] == "firing")
        #expect(env["VIGIL_ALERT_FINGERPRINT"] == a.fingerprintHex)
        #expect(env["VIGIL_ALERT_STARTS_AT"] == "2023-11-14T22:13:20Z")
        #expect(env["VIGIL_ALERT_ENDS_AT"] == "")
        #expect(env["VIGIL_ALERT_VALUE"] == "95.5")
        #expect(env["VIGIL_ALERT_GENERATOR_URL"] == "http://vigil/graph?g0.expr=x&g0.tab=1")
        #expect(env["VIGIL_ALERT_LABELS"] == "{\"alertname\":\"DiskFull\",\"instance\":\"db:9100\",\"mount\":\"/var lib\"}")
        #expect(env["VIGIL_ALERT_ANNOTATIONS"] == "{\"runbook-url\":\"x\",\"summary\":\"95% full\"}")
        #expect(env["VIGIL_LABEL_instance"] == "db:9100")
        #expect(env["VIGIL_ANNOTATION_summary"] == "95% full")
        // Not a variable name: only in the JSON.
        #expect(env.keys.contains { $0.contains("runbook") } == false)
        #expect(env["PATH"] == "/usr/bin:/bin")
        let stdinData = try #require(FileManager.default.contents(atPath: base + ".stdin"))
        let stdin = try #require(TestSupport.json(String(decoding: stdinData, as: UTF8.self)) as? [String: Any])
        #expect(stdin["status"] as? String == "firing")
        #expect(stdin["labels"] as? [String: String] == ["alertname": "DiskFull", "instance": "db:9100", "mount": "/var lib"])
        #expect(stdin["annotations"] as? [String: String] == ["summary": "95% full", "runbook-url": "x"])
        #expect(stdin["startsAt"] as? String == "2023-11-14T22:13:20Z")
        #expect(stdin["endsAt"] as? String == "0001-01-01T00:00:00Z")
        #expect(stdin["fingerprint"] as? String == a.fingerprintHex)
        #expect(stdin["value"] as? String == "95.5")
        // Arguments reach the program as written.
        let arg = try #require(FileManager.default.contents(atPath: base + ".arg"))
        #expect(String(decoding: arg, as: UTF8.self) == "$HOME `id` $(id)")
    }

    @Test func nothingFromALabelIsEverInterpreted() throws {
        let dir = TestSupport.temporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = try Self.recorder(in: dir)
        let marker = dir + "/pwned"
        let hostile = ["$(touch \(marker))", "`touch \(marker)`", "; touch \(marker)", "x\ntouch \(marker)", "$((1+1))", "a\u{0}b"]
        let n = CommandNotifier(argv: ["/bin/sh", script, dir, "-"], timeout: .seconds(10))
        var alerts: [OutgoingAlert] = []
        for (i, h) in hostile.enumerated() {
            alerts.append(TestSupport.alert("Evil\(i)", ["payload": h], annotations: ["description": h], startsAt: 1000, endsAt: nil))
        }
        #expect(n.deliver(alerts) == .delivered)
        #expect(!FileManager.default.fileExists(atPath: marker))
        for (i, h) in hostile.enumerated() {
            let env = try Self.environment(dir + "/" + alerts[i].fingerprintHex + "-firing.env")
            let expected = h.replacingOccurrences(of: "\u{0}", with: "")
            #expect(env["VIGIL_LABEL_payload"] == expected)
            #expect(env["VIGIL_ANNOTATION_description"] == expected)
        }
    }

    @Test func failuresCarryTheExitStatusAndStderr() throws {
        let dir = TestSupport.temporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/fail.sh"
        try "#!/bin/sh\ncat >/dev/null\nif [ \"$VIGIL_ALERT_NAME\" = B ]; then echo 'first line' >&2; echo 'pager API said no' >&2; exit 3; fi\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let n = CommandNotifier(argv: ["/bin/sh", script], timeout: .seconds(10))
        let a = TestSupport.alert("A", startsAt: 1, endsAt: nil), b = TestSupport.alert("B", startsAt: 1, endsAt: nil)
        #expect(n.deliver([a, b, a]) == .partial(delivered: 1, error: "/bin/sh: exit status 3: pager API said no"))
        #expect(n.deliver([b]) == .retry("/bin/sh: exit status 3: pager API said no"))
        #expect(n.deliver([TestSupport.alert("C", startsAt: 1, endsAt: nil)]) == .delivered)
        let missing = CommandNotifier(argv: [dir + "/does-not-exist"], timeout: .seconds(10))
        #expect(missing.deliver([a]) == .retry("cannot run \(dir)/does-not-exist: No such file or directory"))
    }

    @Test func aHungProgramIsKilledWithItsChildren() async throws {
        let dir = TestSupport.temporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/hang.sh"
        try "#!/bin/sh\nsleep 60 &\necho $! > \"\(dir)/child\"\nsleep 60\n".write(toFile: script, atomically: true, encoding: .utf8)
        let n = CommandNotifier(argv: ["/bin/sh", script], timeout: .seconds(2))
        let outcome = await TestSupport.offPool { n.deliver([TestSupport.alert("A", startsAt: 1, endsAt: nil)]) }
        #expect(outcome == .retry("/bin/sh: timed out after 2.0 seconds (killed)"))
        let childFile = try #require(FileManager.default.contents(atPath: dir + "/child"))
        let text = String(decoding: childFile, as: UTF8.self)
        let child = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The background child was in the killed process group (it may linger as a zombie of
        // its reaped parent for a moment, until init collects it).
        #expect(await TestSupport.eventually(timeout: .seconds(10)) {
            kill(child, 0) != 0 || Self.isZombie(child)
        })
    }

    static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)...].hasPrefix("Z")
    }

    @Test func theDispatcherRetriesARealProgramUntilItSucceeds() async throws {
        let dir = TestSupport.temporaryDirectory("cmd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/flaky.sh"
        try "#!/bin/sh\n[ -e \"\(dir)/ok\" ] || exit 1\ncat >> \"\(dir)/got\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        let n = CommandNotifier(argv: ["/bin/sh", script], timeout: .seconds(10), resendDelay: nil)
        let d = NotificationDispatcher(notifiers: [n], options: DispatcherOptions(initialBackoff: .milliseconds(50), maxBackoff: .milliseconds(200)))
        d.start()
        defer { d.stop() }
        d.submit([TestSupport.alert("A", startsAt: 1, endsAt: nil), TestSupport.alert("B", startsAt: 1, endsAt: nil)])
        #expect(await TestSupport.eventually { d.stats()[0].failed >= 4 })
        #expect(d.stats()[0].lastError == "/bin/sh: exit status 1")
        _ = FileManager.default.createFile(atPath: dir + "/ok", contents: nil)
        #expect(await d.waitUntilIdle(timeout: .seconds(20)))
        let gotFile = try #require(FileManager.default.contents(atPath: dir + "/got"))
        let got = String(decoding: gotFile, as: UTF8.self)
        #expect(got.split(separator: "\n").compactMap { (TestSupport.json(String($0)) as? [String: Any])?["labels"] as? [String: String] }
            .map { $0["alertname"] } == ["A", "B"])
    }
}
