import Foundation
import Testing

/// Checks `vigil test rules` against the real `promtool test rules` (Debian's Prometheus 2.42) on
/// our own corpus in `Tests/RuleCorpus`: each unit-test file must give both tools the same exit
/// code, and the one its name promises (`pass_*` 0, `fail_*` 1). Files whose outcome is
/// documented to differ between Prometheus 2.42 and 3.x (whose semantics Vigil follows) are
/// listed in `exclusions` with Vigil's required exit code and the reason.
@Suite(.serialized) struct RuleParityTests {
    /// A corpus file on which promtool 2.42 and Prometheus 3.x disagree by design.
    struct Exclusion: Sendable {
        /// Vigil's exit code (the 3.x outcome).
        let vigilExit: Int32
        /// promtool 2.42's exit code, checked so the reason stays true.
        let promtoolExit: Int32
        let reason: String
    }

    static let exclusions: [String: Exclusion] = [
        "pass_query_offset.test.yml": Exclusion(
            vigilExit: 0, promtoolExit: 1,
            reason: "rule groups' query_offset arrived in Prometheus 2.53; 2.42 rejects the field "
                + "(\"field query_offset not found in type rulefmt.RuleGroup\")"),
        "pass_left_edge_excluded.test.yml": Exclusion(
            vigilExit: 0, promtoolExit: 1,
            reason: "Prometheus 3.0 made range windows and the lookback window exclude their left edge; "
                + "2.42 includes a sample exactly on it"),
        "pass_rate_zero_point_3x.test.yml": Exclusion(
            vigilExit: 0, promtoolExit: 1,
            reason: "for a counter starting inside the window, 3.x clamps the start extrapolation to half a "
                + "sample interval before applying the zero point (prometheus/prometheus#13725); 2.42 did it the other way round"),
    ]

    static let corpus = VigilProcess.packageRoot.appendingPathComponent("Tests/RuleCorpus")
    static let promtool = URL(fileURLWithPath: "/usr/bin/promtool")
    /// Per-process limit: a corpus file takes well under a second; a hung tool is killed.
    static let timeoutSeconds = 20.0

    /// The corpus's unit-test files (`*.test.yml`), sorted.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".test.yml") }.sorted()
    }()

    static func expectedExit(_ file: String) -> Int32? {
        if file.hasPrefix("pass_") { return 0 }
        if file.hasPrefix("fail_") { return 1 }
        return nil
    }

    @Test func corpusIsWellFormed() {
        #expect(Self.files.count >= 25, "the corpus has \(Self.files.count) unit-test files")
        for file in Self.files {
            #expect(Self.expectedExit(file) != nil, "\(file) must be named pass_* or fail_*")
        }
        for name in Self.exclusions.keys {
            #expect(Self.files.contains(name), "excluded file \(name) is not in the corpus")
        }
    }

    @Test(arguments: files) func sameExitCodeAsPromtool(file: String) throws {
        let expected = try #require(Self.expectedExit(file))
        let vigil = try Self.run(VigilProcess.binary, ["test", "rules", file])
        let exclusion = Self.exclusions[file]
        #expect(vigil.status == (exclusion?.vigilExit ?? expected),
                "vigil test rules \(file) exited \(vigil.status):\n\(vigil.output)")

        guard FileManager.default.isExecutableFile(atPath: Self.promtool.path) else {
            print("note: \(Self.promtool.path) absent (apt-get install prometheus); \(file) checked against its expected outcome only")
            return
        }
        let peer = try Self.run(Self.promtool, ["test", "rules", file])
        if let exclusion {
            #expect(peer.status == exclusion.promtoolExit,
                    "excluded \(file) (\(exclusion.reason)): promtool exited \(peer.status):\n\(peer.output)")
            return
        }
        #expect(peer.status == expected, "promtool test rules \(file) exited \(peer.status):\n\(peer.output)")
        #expect(vigil.status == peer.status,
                "\(file): vigil exited \(vigil.status), promtool \(peer.status)\nvigil:\n\(vigil.output)\npromtool:\n\(peer.output)")
    }

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs a tool in the corpus folder with stdout and stderr combined, killing it after
    /// `timeoutSeconds` (then its status is the signal's, which no expectation accepts).
    static func run(_ executable: URL, _ args: [String]) throws -> Outcome {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = corpus
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "VIGIL_CONFIG")
        p.environment = environment
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let watchdog = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        watchdog.cancel()
        return Outcome(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
