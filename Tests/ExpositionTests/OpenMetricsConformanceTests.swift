import Foundation
import Testing
@testable import Exposition

/// Runs the OpenMetrics project's 211 parser cases and Prometheus's own test expositions.
@Suite struct OpenMetricsConformanceTests {
    /// Parses everything; returns the error, if any.
    static func parseAll(_ bytes: [UInt8], _ format: ExpositionFormat, options: ExpositionOptions = ExpositionOptions()) -> (series: Int, error: ExpositionError?) {
        var parser = ExpositionParser(bytes: bytes, format: format, options: options)
        var series = 0
        do {
            while let entry = try parser.next() {
                if case .series = entry {
                    series += 1
                    _ = parser.labels()
                }
            }
            return (series, nil)
        } catch {
            return (series, error)
        }
    }

    /// Strict negative observations: the reference parser's full rule set, all 211 must agree.
    /// Default (Prometheus-compatible negative sums and quantiles): exactly the three cases that
    /// test those rules alone parse.
    @Test(arguments: [true, false])
    func openMetricsCases(strictNegativeObservations: Bool) throws {
        guard let root = ConformanceData.root else {
            print("note: ../shared/conformance not found; OpenMetrics conformance skipped")
            return
        }
        let dir = root.appendingPathComponent("exposition/openmetrics")
        let cases = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        var passed = 0
        var failures: [String] = []
        for name in cases {
            let caseDir = dir.appendingPathComponent(name)
            guard let json = ConformanceData.bytes(caseDir.appendingPathComponent("test.json")),
                  let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
                  let shouldParse = object["shouldParse"] as? Bool,
                  let bytes = ConformanceData.bytes(caseDir.appendingPathComponent((object["file"] as? String) ?? "metrics"))
            else {
                failures.append("\(name): unreadable case")
                continue
            }
            let result = Self.parseAll(bytes, .openMetrics, options: ExpositionOptions(strictNegativeObservations: strictNegativeObservations))
            if (result.error == nil) == shouldParse {
                passed += 1
            } else if let error = result.error {
                failures.append("\(name): expected to parse, got \(error)")
            } else {
                failures.append("\(name): expected an error, parsed \(result.series) series")
            }
        }
        let mode = strictNegativeObservations ? "strict negative observations" : "default options"
        print("OpenMetrics conformance (\(mode)): \(passed)/\(cases.count) cases pass")
        for f in failures { print("  FAIL \(f)") }
        #expect(cases.count == 211)
        if strictNegativeObservations {
            #expect(failures.isEmpty)
        } else {
            let expected = ["bad_counter_values_17", "bad_counter_values_19", "bad_histograms_3"]
            #expect(failures.map { String($0.prefix { $0 != ":" }) } == expected)
        }
    }

    @Test(arguments: [
        // Sample lines counted with `grep -vc '^#'`.
        ("alltypes.237mfs.prom.txt", ExpositionFormat.prometheusText, 1857),
        ("alltypes.237mfs.nometa.prom.txt", .prometheusText, 1857),
        ("alltypes.5mfs.om.txt", .openMetrics, 53),
        ("1histogram.om.txt", .openMetrics, 42),
    ])
    func prometheusTestdata(file: String, format: ExpositionFormat, expected: Int) throws {
        guard let root = ConformanceData.root else {
            print("note: ../shared/conformance not found; \(file) skipped")
            return
        }
        let bytes = try #require(ConformanceData.bytes(root.appendingPathComponent("exposition/prometheus/\(file)")))
        let result = Self.parseAll(bytes, format)
        print("\(file): \(result.series) series")
        #expect(result.error == nil, "\(String(describing: result.error))")
        #expect(result.series == expected)
    }
}
