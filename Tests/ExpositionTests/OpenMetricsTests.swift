import Testing
@testable import Exposition

/// OpenMetrics 1.0 grammar and entries.
@Suite struct OpenMetricsTests {
    @Test(arguments: [
        ("a 1\n# EOF\n", ["a 1"]),
        ("a 1\n# EOF", ["a 1"]),
        ("a{b=\"c\"} 1 1.5\n# EOF\n", ["a{b=\"c\"} 1 1500"]),
        ("a 1 1.1\n# EOF\n", ["a 1 1100"]),
        ("a 1 -1.5\n# EOF\n", ["a 1 -1500"]),
        ("a 1 1e3\n# EOF\n", ["a 1 1000000"]),
        ("a 1 12345678901234567890.1\n# EOF\n", ["a 1 -9223372036854775808"]),
        ("{\"my.metric\",b=\"c\"} 1\n# EOF\n", ["{\"my.metric\",b=\"c\"} 1"]),
        ("# TYPE a counter\na_total 1 # {trace_id=\"x\"} 0.5 123.4\n# EOF\n", ["a_total 1"]),
        ("# TYPE a counter\na_total 1 2 # {} 0.5\n# EOF\n", ["a_total 1 2000"]),
        ("# TYPE a histogram\na_bucket{le=\"1\"} 0\na_bucket{le=\"+Inf\"} 3\na_count 3\na_sum 2\n# EOF\n",
         ["a_bucket{le=\"1.0\"} 0", "a_bucket{le=\"+Inf\"} 3", "a_count 3", "a_sum 2"]),
        ("# TYPE a summary\na{quantile=\"0.5\"} 1\na_sum 2\na_count 3\n# EOF\n",
         ["a{quantile=\"0.5\"} 1", "a_sum 2", "a_count 3"]),
        ("# TYPE a stateset\na{a=\"x\"} 1\na{a=\"y\"} 0\n# EOF\n", ["a{a=\"x\"} 1", "a{a=\"y\"} 0"]),
        ("# TYPE a info\na_info{v=\"1\"} 1\n# EOF\n", ["a_info{v=\"1\"} 1"]),
        ("# TYPE a gaugehistogram\na_bucket{le=\"+Inf\"} 3\na_gcount 3\na_gsum 2\n# EOF\n",
         ["a_bucket{le=\"+Inf\"} 3", "a_gcount 3", "a_gsum 2"]),
        ("a{b=\"\\\\ \\\" \\n \\z\"} 1\n# EOF\n", ["a{b=\"\\\\ \\\" \\n \\\\z\"} 1"]),
    ])
    func parses(input: String, expected: [String]) {
        switch TestSupport.lines(input, .openMetrics) {
        case .success(let lines): #expect(lines == expected)
        case .failure(let error): Issue.record("unexpected error \(error)")
        }
    }

    @Test func entries() throws {
        let text = "# TYPE a_seconds counter\n# UNIT a_seconds seconds\n# HELP a_seconds Some \\\"help\\\"\\n.\na_seconds_total 1\na_seconds_created 1700000000.5\n# EOF\n"
        var p = ExpositionParser(bytes: Array(text.utf8), format: .openMetrics)
        #expect(try p.next() == .type)
        #expect(p.familyName == "a_seconds" && p.declaredType == .counter)
        #expect(try p.next() == .unit)
        #expect(p.unit == "seconds")
        #expect(try p.next() == .help)
        #expect(p.helpText == "Some \"help\"\n.")
        #expect(try p.next() == .series)
        #expect(p.familyType == .counter && p.metricName == "a_seconds_total" && p.value == 1 && p.timestamp == nil)
        #expect(try p.next() == .series)
        #expect(p.metricName == "a_seconds_created" && p.value == 1_700_000_000.5)
        #expect(try p.next() == .eof)
        #expect(try p.next() == nil)
        #expect(try p.next() == nil)
    }

    @Test func seriesRangeExcludesExemplar() throws {
        let text = "# TYPE a counter\na_total{x=\"1\"} 3 # {t=\"1\"} 1\n# EOF\n"
        let bytes = Array(text.utf8)
        var p = ExpositionParser(bytes: bytes, format: .openMetrics)
        _ = try p.next()
        #expect(try p.next() == .series)
        #expect(String(decoding: bytes[p.seriesRange], as: UTF8.self) == "a_total{x=\"1\"}")
    }

    @Test func exemplarLengthLimit() {
        let ok = "# TYPE a counter\na_total 1 # {a=\"" + String(repeating: "x", count: 127) + "\"} 1\n# EOF\n"
        let tooLong = "# TYPE a counter\na_total 1 # {a=\"" + String(repeating: "x", count: 128) + "\"} 1\n# EOF\n"
        let wide = "# TYPE a counter\na_total 1 # {a=\"" + String(repeating: "☃", count: 127) + "\"} 1\n# EOF\n"
        #expect(TestSupport.error(Array(ok.utf8), .openMetrics) == nil)
        #expect(TestSupport.error(Array(tooLong.utf8), .openMetrics)?.message.contains("more than 128") == true)
        #expect(TestSupport.error(Array(wide.utf8), .openMetrics) == nil)
    }

    @Test func strictNegativeObservationsOption() {
        let text = Array("# TYPE a summary\na{quantile=\"0.5\"} -1\na_sum -3\na_count 2\n# EOF\n".utf8)
        var lenient = ExpositionParser(bytes: text, format: .openMetrics)
        var strict = ExpositionParser(bytes: text, format: .openMetrics, options: ExpositionOptions(strictNegativeObservations: true))
        #expect(throws: Never.self) { while try lenient.next() != nil {} }
        #expect(throws: ExpositionError.self) { while try strict.next() != nil {} }
    }
}
