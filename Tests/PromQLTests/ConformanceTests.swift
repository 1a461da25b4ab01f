import Foundation
import Testing
@testable import PromQL

/// Runs Prometheus's own promqltest scripts from `../shared/conformance/promql` (skipped when absent).
struct ConformanceTests {
    static let directory: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/conformance/promql")
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: directory.path) }

    /// Lowest passing count per file; raise these as the engine improves.
    static let minimumPassing: [String: Int] = [
        "aggregators": 125, "at_modifier": 78, "collision": 2, "functions": 276, "histograms": 54,
        "limit": 1, "literals": 25, "name_label_dropping": 30, "operators": 142, "range_queries": 16,
        "selectors": 31, "staleness": 17, "subquery": 32, "trig_functions": 19,
    ]

    @Test(.enabled(if: ConformanceTests.available, "conformance data not present"),
          arguments: minimumPassing.keys.sorted())
    func promqlScript(_ name: String) throws {
        let url = Self.directory.appendingPathComponent("\(name).test")
        let text = try String(contentsOf: url, encoding: .utf8)
        let script = try PromQLTestScript.parse(text: text, file: "\(name).test")
        let result = script.run()
        print("promqltest \(name): \(result.passed) passed, \(result.failed) failed, \(result.skipped) skipped")
        for f in result.failures {
            if case .failed(let why) = f.outcome {
                print("  FAIL \(name).test:\(f.line) \(f.expr)\n       \(why)")
            }
        }
        #expect(result.passed >= Self.minimumPassing[name]!, "\(name): passing count regressed")
    }
}

extension ConformanceTests {
    @Test(.enabled(if: ConformanceTests.available, "conformance data not present"))
    func skipReasons() throws {
        var reasons: [String: Int] = [:]
        for name in Self.minimumPassing.keys.sorted() {
            let text = try String(contentsOf: Self.directory.appendingPathComponent("\(name).test"), encoding: .utf8)
            for c in try PromQLTestScript.parse(text: text, file: name).run().cases {
                if case .skipped(let why) = c.outcome {
                    reasons["\(name): \(why)", default: 0] += 1
                }
            }
        }
        for (r, n) in reasons.sorted(by: { $0.key < $1.key }) { print("skipped \(n) × \(r)") }
    }
}
