import Foundation
import Testing

@Suite struct ParseCommandTests {
    @Test func canonicalOutput() throws {
        let input = """
            # HELP http_requests_total Requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{code="400",method="post"}    3 1395066363000
            # TYPE rpc_duration_seconds histogram
            rpc_duration_seconds_bucket{le="1"} 5
            rpc_duration_seconds_bucket{le="+Inf"} 1e6
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            metric_without_labels 12.47e-7
            nan_value NaN
            neg_inf -Inf

            """
        let r = try VigilProcess.run(["parse", "-"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            http_requests_total{code="200",method="post"} 1027 1395066363000
            http_requests_total{code="400",method="post"} 3 1395066363000
            rpc_duration_seconds_bucket{le="1.0"} 5
            rpc_duration_seconds_bucket{le="+Inf"} 1e+06
            msdos_file_access_time_seconds{error="Cannot find file:\\n\\"FILE.TXT\\"",path="C:\\\\DIR\\\\FILE.TXT"} 1.458255915e+09
            metric_without_labels 1.247e-06
            nan_value NaN
            neg_inf -Inf

            """)
    }

    @Test func openMetricsTimestampsInSeconds() throws {
        let input = "# TYPE a counter\na_total 1 1.5\n# EOF\n"
        let r = try VigilProcess.run(["parse", "--format", "openmetrics", "-"], stdin: input)
        #expect(r.status == 0)
        #expect(r.stdout == "a_total 1 1500\n")
    }

    @Test(arguments: [
        ("a{b=\"c\" 1\n", "1:"),
        ("a{b=\"c\",b=\"d\"} 1\n", "1:"),
        ("a 1\nb{x=\"1\"} 2 3 4\n", "2:"),
        ("a one\n", "1:"),
    ])
    func badInputExitsOneWithPosition(input: String, prefix: String) throws {
        let r = try VigilProcess.run(["parse", "-"], stdin: input)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix(prefix))
    }

    @Test func missingFile() throws {
        let r = try VigilProcess.run(["parse", "/nonexistent/file"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no such file"))
    }

    @Test func badFormatIsUsageError() throws {
        let r = try VigilProcess.run(["parse", "--format", "json", "-"], stdin: "")
        #expect(r.status == 2)
    }

    /// Prometheus's own realistic exposition: every sample line comes out.
    @Test func conformanceExposition() throws {
        guard let dir = VigilProcess.conformance?.appendingPathComponent("exposition/prometheus") else {
            print("note: ../shared/conformance absent; skipped")
            return
        }
        let file = dir.appendingPathComponent("alltypes.237mfs.prom.txt")
        let r = try VigilProcess.run(["parse", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 1857)
    }
}

/// The OpenMetrics project's own parser cases through the real binary: every case parses or fails
/// as its `test.json` says (with `--strict`; without it, Prometheus's leniency on negative
/// observations lets three `bad_*` cases through).
@Suite struct OpenMetricsConformanceCLITests {
    @Test func everyCase() throws {
        guard let root = VigilProcess.conformance?.appendingPathComponent("exposition/openmetrics") else {
            print("note: ../shared/conformance absent; skipped")
            return
        }
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        var strictPass = 0, lenientPass = 0, total = 0
        var mismatches: [String] = []
        for name in cases {
            let dir = root.appendingPathComponent(name)
            guard let json = FileManager.default.contents(atPath: dir.appendingPathComponent("test.json").path),
                  let obj = try JSONSerialization.jsonObject(with: json) as? [String: Any],
                  let should = obj["shouldParse"] as? Bool else { continue }
            let file = dir.appendingPathComponent((obj["file"] as? String) ?? "metrics").path
            total += 1
            let strict = try VigilProcess.run(["parse", "--format", "openmetrics", "--strict", file])
            if (strict.status == 0) == should { strictPass += 1 } else { mismatches.append(name) }
            let lenient = try VigilProcess.run(["parse", "--format", "openmetrics", file])
            if (lenient.status == 0) == should { lenientPass += 1 }
        }
        print("OpenMetrics parser cases via vigil parse: strict \(strictPass)/\(total), default \(lenientPass)/\(total)")
        #expect(total == 211)
        #expect(strictPass == total, "mismatches: \(mismatches)")
        #expect(lenientPass >= total - 3)
    }
}
