import Testing
@testable import Exposition

/// Malformed input: every failure has an exact line and column and never traps.
@Suite struct MalformedInputTests {
    @Test(arguments: [
        // Prometheus text 0.0.4
        (ExpositionFormat.prometheusText, "a{b=\"c\"", 1, 8, "expected label name"),
        (.prometheusText, "a{b=\"c} 1", 1, 5, "unterminated quoted string"),
        (.prometheusText, "a{b=\"c\\", 1, 7, "invalid escape"),
        (.prometheusText, "a{b=\"c\",b=\"d\"} 1", 1, 9, "duplicate label name \"b\""),
        (.prometheusText, "a{__name__=\"x\"} 1", 1, 3, "__name__"),
        (.prometheusText, "a", 1, 2, "expected value"),
        (.prometheusText, "a{b=\"c\"}", 1, 9, "expected value"),
        (.prometheusText, "a 1 2 3", 1, 7, "expected end of line after timestamp"),
        (.prometheusText, "a 1x", 1, 3, "invalid value"),
        (.prometheusText, "a 1 x", 1, 5, "expected timestamp"),
        (.prometheusText, "a 1 -5", 1, 5, "expected timestamp"),
        (.prometheusText, "a 0x1p3", 1, 3, "invalid value"),
        (.prometheusText, "a 1_0", 1, 3, "invalid value"),
        (.prometheusText, "a 1e400", 1, 3, "invalid value"),
        (.prometheusText, "a 1\r\n", 1, 3, "invalid value"),
        (.prometheusText, "a 1 99999999999999999999", 1, 5, "out of range"),
        (.prometheusText, "# TYPE a foo", 1, 10, "invalid metric type"),
        (.prometheusText, "# HELP 1a x", 1, 8, "expected metric name after HELP"),
        (.prometheusText, "{b=\"c\"} 1", 1, 1, "metric name not set"),
        (.prometheusText, "a{\"x\"} 1", 1, 3, "metric name already set"),
        (.prometheusText, "a{\"\"=\"v\"} 1", 1, 3, "empty label name"),
        (.prometheusText, "a{b=c} 1", 1, 5, "expected quoted label value"),
        (.prometheusText, "a{b} 1", 1, 4, "expected '='"),
        (.prometheusText, "a{,} 1", 1, 3, "expected label name"),
        (.prometheusText, "a 1\nb 2\nc{", 3, 3, "expected label name"),
        (.prometheusText, "a 1\n  ?x 2", 2, 3, "expected a metric name"),
        (.prometheusText, "日本{b=\"c\"} 1", 1, 1, "expected a metric name"),
        (.prometheusText, "a{b=\"日本\",b=\"x\"} 1", 1, 10, "duplicate label name"),
        (.prometheusText, "a 1\u{0}", 1, 3, "invalid value"),
        // OpenMetrics 1.0
        (.openMetrics, "", 1, 1, "data does not end with # EOF"),
        (.openMetrics, "a 1\n", 2, 1, "data does not end with # EOF"),
        (.openMetrics, "a 1", 1, 4, "data does not end with # EOF"),
        (.openMetrics, "a  1\n# EOF\n", 1, 3, "expected value"),
        (.openMetrics, "a 1\n# EOF\nx", 3, 1, "unexpected data after # EOF"),
        (.openMetrics, "a 1\n\n# EOF\n", 2, 1, "blank lines"),
        (.openMetrics, "a{a=\"1\",} 1\n# EOF\n", 1, 8, "trailing comma"),
        (.openMetrics, "a{a=\"1\" b=\"2\"} 1\n# EOF\n", 1, 8, "expected ',' or '}'"),
        (.openMetrics, "a{a=\"x\ny\"} 1\n# EOF\n", 1, 7, "end of line inside quotes"),
        (.openMetrics, "# comment\n# EOF\n", 1, 3, "expected HELP, TYPE, UNIT or EOF"),
        (.openMetrics, "#x\n# EOF\n", 1, 2, "expected a space after '#'"),
        (.openMetrics, "# TYPE a gauge\na 1\n# HELP a x\n# EOF\n", 3, 1, "after its samples"),
        (.openMetrics, "a 1\nb 1\na 1\n# EOF\n", 4, 1, "must not repeat or interleave"),
        (.openMetrics, "# TYPE a counter\na_total -1\n# EOF\n", 2, 1, "cannot be negative"),
        (.openMetrics, "# TYPE a counter\na_total 1 NaN\n# EOF\n", 2, 11, "invalid timestamp"),
        (.openMetrics, "# TYPE a gauge\na 1 # {b=\"c\"} 1\n# EOF\n", 2, 1, "exemplars"),
        (.openMetrics, "# TYPE a histogram\na_bucket{le=\"2\"} 0\na_bucket{le=\"1\"} 0\n# EOF\n", 3, 1, "buckets out of order"),
        (.openMetrics, "# TYPE a histogram\na_bucket{le=\"1\"} 0\n# EOF\n", 3, 1, "+Inf bucket missing"),
        (.openMetrics, "# UNIT a seconds\n# EOF\n", 1, 10, "not a suffix"),
        (.openMetrics, "a 1 1 2\n# EOF\n", 1, 6, "expected end of line after timestamp"),
    ])
    func rejects(format: ExpositionFormat, input: String, line: Int, column: Int, message: String) {
        guard let error = TestSupport.error(Array(input.utf8), format) else {
            Issue.record("expected an error for \(input.debugDescription)")
            return
        }
        #expect(error.line == line && error.column == column, "\(error) for \(input.debugDescription)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description == "\(error.line):\(error.column): \(error.message)")
    }

    @Test(arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func invalidUTF8InLabelValue(format: ExpositionFormat) {
        let bytes: [UInt8] = Array("a{b=\"x".utf8) + [0xC3, 0x28] + Array("\"} 1\n# EOF\n".utf8)
        let error = TestSupport.error(bytes, format)
        #expect(error?.line == 1 && error?.column == 7, "\(String(describing: error))")
        #expect(error?.message.contains("invalid UTF-8") == true)
    }

    @Test(arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func truncatedLines(format: ExpositionFormat) {
        let full = Array("metric_name{label=\"value\",other=\"x\"} 12.5 1000\n".utf8)
        for cut in 1..<(full.count - 1) {
            let prefix = Array(full[..<cut])
            // Must never trap; either parses (the text format ends lines for us) or reports a position.
            if let error = TestSupport.error(prefix, format) {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    @Test(arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func randomGarbageNeverTraps(format: ExpositionFormat) {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("a{}=\",# \n\\\"01.eE+-_:xINafTYPEHELPUNITOF\t\u{0}".utf8) + [0xFF, 0xC3]
        for _ in 0..<3000 {
            let n = Int.random(in: 0..<40, using: &rng)
            let bytes = (0..<n).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
            var p = ExpositionParser(bytes: bytes, format: format)
            while (try? p.next()) != nil {
                _ = p.labels()
                _ = p.metricName
                _ = p.familyType
            }
        }
    }

    /// A 10 MB single line in several hostile shapes must parse or fail in linear time.
    @Test(arguments: [ExpositionFormat.prometheusText, .openMetrics])
    func tenMegabyteLines(format: ExpositionFormat) {
        let big = 10 * 1024 * 1024
        let eof = format == .openMetrics ? Array("# EOF\n".utf8) : []
        let longValue = Array("a{b=\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: big) + Array("\"} 1\n".utf8) + eof
        #expect(TestSupport.error(longValue, format) == nil)

        let unterminated = Array("a{b=\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: big)
        #expect(TestSupport.error(unterminated, format) != nil)

        let longName = Array(repeating: UInt8(ascii: "a"), count: big) + Array(" 1\n".utf8) + eof
        #expect(TestSupport.error(longName, format) == nil)

        let longNumber = Array("a ".utf8) + Array(repeating: UInt8(ascii: "1"), count: big) + Array("\n".utf8) + eof
        #expect(TestSupport.error(longNumber, format)?.message.contains("invalid value") == true)

        var manyLabels = Array("a{".utf8)
        let count = 400_000
        manyLabels.reserveCapacity(count * 16)
        for k in 0..<count {
            manyLabels += Array("l\(k)=\"v\",".utf8)
        }
        manyLabels += Array("l7=\"dup\"} 1\n".utf8) + eof
        let error = TestSupport.error(manyLabels, format)
        #expect(error?.message.contains("duplicate label name \"l7\"") == true, "\(String(describing: error))")
        #expect(error?.line == 1)
    }
}
