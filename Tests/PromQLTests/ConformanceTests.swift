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
        "aggregators": 0, "at_modifier": 0, "collision": 0, "functions": 0, "histograms": 0,
        "limit": 0, "literals": 0, "name_label_dropping": 0, "operators": 0, "range_queries": 0,
        "selectors": 0, "staleness": 0, "subquery": 0, "trig_functions": 0,
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
