import Foundation
import Testing

/// `vigil replay` on a recording written from the format's description: info, alert transitions
/// of a new rule at its own ticks, `--from` in its three spellings, the warm-up window, torn
/// tails and damage.
@Suite struct ReplayCommandTests {
    /// 2023-11-14T22:13:20Z.
    static let t0: Int64 = 1_700_000_000_000

    /// `m{job="x"}` every second for 60 s: 1, then 10 from 20 s to 39 s, then 1 again; and a
    /// counter `c{job="x"}`.
    static func recording(_ range: Range<Int> = 0..<60) -> RecordingBuilder {
        var b = RecordingBuilder()
        for k in range {
            let t = t0 + Int64(k) * 1000
            b.block(time: t, [
                ([("__name__", "m"), ("job", "x")], t, k >= 20 && k < 40 ? 10 : 1),
                ([("__name__", "c"), ("job", "x")], t, Int64(k) * 3),
            ])
        }
        return b
    }

    struct Fixture {
        let dir: URL
        let recording: String
        func file(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        func cleanup() { try? FileManager.default.removeItem(at: dir) }
    }

    func fixture(_ bytes: [UInt8]? = nil) throws -> Fixture {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-replay-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("rec").path
        try Data(bytes ?? Self.recording().bytes).write(to: URL(fileURLWithPath: path))
        return Fixture(dir: dir, recording: path)
    }

    static let highRule = """
        groups:
          - name: trial
            interval: 5s
            rules:
              - alert: High
                expr: m > 5
                for: 10s
        """

    func replay(_ f: Fixture, _ args: [String]) throws -> VigilProcess.Result {
        // The fixture folder as the working directory: no stray ./vigil.yml is picked up.
        try VigilProcess.run(["replay", f.recording] + args, env: ["XDG_CONFIG_HOME": f.dir.path], cwd: f.dir)
    }

    @Test func info() throws {
        let f = try fixture()
        defer { f.cleanup() }
        let r = try replay(f, ["--info"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("from: 2023-11-14T22:13:20.000Z"))
        #expect(r.stdout.contains("to: 2023-11-14T22:14:19.000Z"))
        #expect(r.stdout.contains("blocks: 60"))
        #expect(r.stdout.contains("samples: 120 (0 staleness markers)"))
        #expect(r.stdout.contains("series: 2"))
        #expect(r.stdout.contains("  c 60\n  m 60"))
    }

    /// A new group ticks at multiples of its interval, after the block written at the tick.
    @Test func newRuleTransitions() throws {
        let f = try fixture()
        defer { f.cleanup() }
        let rules = try f.file("high.yml", Self.highRule)
        let r = try replay(f, ["--alerts", "--rules", rules])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            2023-11-14T22:13:40.000Z pending  High{job="x"}
            2023-11-14T22:13:50.000Z firing   High{job="x"}
            2023-11-14T22:14:00.000Z resolved High{job="x"}

            """)
        #expect(r.stderr.contains("60 blocks, 120 samples, 12 rule evaluations"))
    }

    @Test(arguments: ["+25s", "25s", "2023-11-14T22:13:45Z", "2023-11-14T23:13:45+01:00", "1700000025", "1700000025.000"])
    func fromStartsLater(from: String) throws {
        let f = try fixture()
        defer { f.cleanup() }
        let rules = try f.file("high.yml", Self.highRule)
        let r = try replay(f, ["--alerts", "--rules", rules, "--from", from])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            2023-11-14T22:13:45.000Z pending  High{job="x"}
            2023-11-14T22:13:55.000Z firing   High{job="x"}
            2023-11-14T22:14:00.000Z resolved High{job="x"}

            """)
    }

    /// Range functions at the first tick after `--from` see the warm-up window's data.
    @Test func warmupFeedsRangeFunctions() throws {
        let f = try fixture()
        defer { f.cleanup() }
        let rules = try f.file("max.yml", """
            groups:
              - name: recent
                interval: 5s
                rules:
                  - alert: RecentlyHigh
                    expr: max_over_time(m[10s]) > 5
            """)
        let warm = try replay(f, ["--alerts", "--rules", rules, "--from", "45s"])
        #expect(warm.stdout == """
            2023-11-14T22:14:05.000Z firing   RecentlyHigh{job="x"}
            2023-11-14T22:14:10.000Z resolved RecentlyHigh{job="x"}

            """)
        let cold = try replay(f, ["--alerts", "--rules", rules, "--from", "45s", "--warmup", "0s"])
        #expect(cold.status == 0)
        #expect(cold.stdout.isEmpty)
    }

    /// A rotated set (`rec.1`, then `rec`, each declaring its own series) replays as one.
    @Test func rotatedFilesReplayInOrder() throws {
        let f = try fixture(Self.recording(30..<60).bytes)
        defer { f.cleanup() }
        try Data(Self.recording(0..<30).bytes).write(to: URL(fileURLWithPath: f.recording + ".1"))
        let rules = try f.file("high.yml", Self.highRule)
        let r = try replay(f, ["--alerts", "--rules", rules])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            2023-11-14T22:13:40.000Z pending  High{job="x"}
            2023-11-14T22:13:50.000Z firing   High{job="x"}
            2023-11-14T22:14:00.000Z resolved High{job="x"}

            """)
        let info = try replay(f, ["--info"])
        #expect(info.stdout.contains("files: \(f.recording).1 \(f.recording)\n"))
        #expect(info.stdout.contains("samples: 120 "))
    }

    @Test func tornTailIsReportedAndSkipped() throws {
        let f = try fixture(Self.recording().bytes + [0x10, 0, 0, 0, 0])
        defer { f.cleanup() }
        let rules = try f.file("high.yml", Self.highRule)
        let r = try replay(f, ["--alerts", "--rules", rules])
        #expect(r.status == 0)
        #expect(r.stdout.contains("firing"))
        #expect(r.stderr.contains("dropped 5 bytes at offset"))
    }

    @Test func damageIsAnErrorWithTheOffset() throws {
        let b = Self.recording()
        var bytes = b.bytes
        let at = b.offsets[30]
        bytes[at + 10] ^= 0x55
        let f = try fixture(bytes)
        defer { f.cleanup() }
        for args in [["--info"], ["--alerts"], ["--recorded-alerts"]] {
            let r = try replay(f, args)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("rec: offset \(at): block checksum mismatch"), "\(args): \(r.stderr)")
        }
    }

    @Test func notARecording() throws {
        let f = try fixture(Array("up 1\n".utf8))
        defer { f.cleanup() }
        let r = try replay(f, ["--info"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not a Vigil recording"))
    }
}
