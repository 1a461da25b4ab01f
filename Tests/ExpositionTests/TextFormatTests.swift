import Testing
@testable import Exposition

/// Prometheus text format 0.0.4: every grammar feature, through the canonical printer.
@Suite struct TextFormatTests {
    @Test(arguments: [
        ("a 1", ["a 1"]),
        ("a{b=\"c\"} 1 1000", ["a{b=\"c\"} 1 1000"]),
        ("a{z=\"1\",b=\"2\"} 1", ["a{b=\"2\",z=\"1\"} 1"]),
        ("a{b=\"x\\\\y\\\"z\\nw\"} 1", ["a{b=\"x\\\\y\\\"z\\nw\"} 1"]),
        ("a{b=\"\\t\"} 1", ["a{b=\"\\\\t\"} 1"]),
        ("a{b=\"c\",} 1", ["a{b=\"c\"} 1"]),
        ("a{b=\"c\" d=\"e\"} 1", ["a{b=\"c\",d=\"e\"} 1"]),
        ("  a  { b = \"c\" , d=\"e\" }   1   2  ", ["a{b=\"c\",d=\"e\"} 1 2"]),
        ("a\t{b=\"c\"}\t1\t2", ["a{b=\"c\"} 1 2"]),
        ("a{} 1", ["a 1"]),
        ("a{b=\"c\"}1", ["a{b=\"c\"} 1"]),
        ("{\"my.metric\", label=\"x\"} 1", ["{\"my.metric\",label=\"x\"} 1"]),
        ("{\"my.metric\"} 1", ["{\"my.metric\"} 1"]),
        ("{label=\"x\",\"my.metric\"} 1", ["{\"my.metric\",label=\"x\"} 1"]),
        ("a{\"label.x\"=\"v\"} 1", ["a{\"label.x\"=\"v\"} 1"]),
        ("ns:metric_name 1", ["ns:metric_name 1"]),
        ("a{b=\"日本\"} 1", ["a{b=\"日本\"} 1"]),
        ("a{b=\"multi\nline\"} 1", ["a{b=\"multi\\nline\"} 1"]),
        ("a NaN", ["a NaN"]),
        ("a nan", ["a NaN"]),
        ("a +Inf", ["a +Inf"]),
        ("a -Inf", ["a -Inf"]),
        ("a Inf", ["a +Inf"]),
        ("a infinity", ["a +Inf"]),
        ("a 1.5e3", ["a 1500"]),
        ("a .5", ["a 0.5"]),
        ("a 1.", ["a 1"]),
        ("a 007", ["a 7"]),
        ("a -2.5E-3", ["a -0.0025"]),
        ("a 1 -0", []),
        ("\n\n  \na 1\n\n", ["a 1"]),
        ("# HELP a help text\n# TYPE a gauge\n# just a comment\n#comment\na 1", ["a 1"]),
        ("a 1\nb 2\na 3", ["a 1", "b 2", "a 3"]),
        ("a 1 1395066363000", ["a 1 1395066363000"]),
        ("a 1 0009", ["a 1 9"]),
    ])
    func parses(input: String, expected: [String]) {
        switch TestSupport.lines(input, .prometheusText) {
        case .success(let lines):
            if expected.isEmpty {
                Issue.record("expected an error, got \(lines)")
            } else {
                #expect(lines == expected)
            }
        case .failure(let error):
            #expect(expected.isEmpty, "unexpected error \(error)")
        }
    }

    @Test func metadataEntries() throws {
        let text = "# HELP a some\\\\help\\ntext \\\"q\\\"\n# TYPE a counter\n#  a comment here\n# HELP \"b.c\" \n# TYPE b untyped\n"
        var p = ExpositionParser(bytes: Array(text.utf8), format: .prometheusText)
        #expect(try p.next() == .help)
        #expect(p.familyName == "a")
        #expect(p.helpText == "some\\help\ntext \\\"q\\\"")
        #expect(try p.next() == .type)
        #expect(p.familyName == "a")
        #expect(p.declaredType == .counter)
        #expect(try p.next() == .comment)
        #expect(p.helpText == "a comment here")
        #expect(try p.next() == .help)
        #expect(p.familyName == "b.c")
        #expect(p.helpText == "")
        #expect(try p.next() == .type)
        #expect(p.declaredType == .unknown)
        #expect(try p.next() == nil)
        #expect(try p.next() == nil)
    }

    @Test func seriesAccessors() throws {
        let text = "# TYPE http_requests_total counter\nhttp_requests_total{method=\"get\",code=\"200\"} 1027 1395066363000\n"
        var p = ExpositionParser(bytes: Array(text.utf8), format: .prometheusText)
        #expect(try p.next() == .type)
        #expect(try p.next() == .series)
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[p.seriesRange], as: UTF8.self) == "http_requests_total{method=\"get\",code=\"200\"}")
        #expect(p.value == 1027)
        #expect(p.timestamp == 1_395_066_363_000)
        #expect(p.metricName == "http_requests_total")
        #expect(p.familyType == .counter)
        let labels = p.labels()
        #expect(labels.map(\.name) == ["__name__", "code", "method"])
        #expect(labels.map(\.value) == ["http_requests_total", "200", "get"])
        #expect(try p.next() == nil)
    }

    @Test func nanIsPrometheusNormalNaN() throws {
        var p = ExpositionParser(bytes: Array("a NaN\n".utf8), format: .prometheusText)
        #expect(try p.next() == .series)
        #expect(p.value.bitPattern == 0x7FF8_0000_0000_0001)
    }

    @Test(arguments: [
        ("# TYPE c counter\nc_total 1", MetricType.counter),
        ("# TYPE c counter\nc 1", .counter),
        ("# TYPE c_total counter\nc_total 1", .counter),
        ("# TYPE c counter\nother 1", .unknown),
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 1", .histogram),
        ("# TYPE h histogram\nh_count 1", .histogram),
        ("# TYPE h histogram\nh_total 1", .unknown),
        ("# TYPE s summary\ns_sum 1", .summary),
        ("# TYPE s summary\ns{quantile=\"0.5\"} 1", .summary),
        ("# TYPE g gauge\ng 1", .gauge),
        ("g 1", .unknown),
    ])
    func familyType(input: String, expected: MetricType) throws {
        var p = ExpositionParser(bytes: Array(input.utf8), format: .prometheusText)
        var last: MetricType? = nil
        while let e = try p.next() {
            if e == .series { last = p.familyType }
        }
        #expect(last == expected)
    }

    /// Prometheus 3.x normalizes `le` of histograms and `quantile` of summaries on ingestion.
    @Test(arguments: [
        ("# TYPE h histogram\nh_bucket{le=\"1\"} 1", "h_bucket{le=\"1.0\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1", "h_bucket{le=\"+Inf\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"1e3\"} 1", "h_bucket{le=\"1000.0\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"10000000000\"} 1", "h_bucket{le=\"1e+10\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"0.00001\"} 1", "h_bucket{le=\"1e-05\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"0x1p3\"} 1", "h_bucket{le=\"8.0\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"abc\"} 1", "h_bucket{le=\"abc\"} 1"),
        ("# TYPE h histogram\nh_bucket{le=\"0.25\",x=\"1\"} 1", "h_bucket{le=\"0.25\",x=\"1\"} 1"),
        ("# TYPE s summary\ns{quantile=\"0\"} 1", "s{quantile=\"0.0\"} 1"),
        ("# TYPE s summary\ns{quantile=\"0.99\"} 1", "s{quantile=\"0.99\"} 1"),
        ("# TYPE g gauge\ng{le=\"1\"} 1", "g{le=\"1\"} 1"),
        ("# TYPE s summary\ns_bucket{le=\"1\"} 1", "s_bucket{le=\"1\"} 1"),
        ("h_bucket{le=\"1\"} 1", "h_bucket{le=\"1\"} 1"),
        // Like Prometheus, the last TYPE line decides, even for a series of another family.
        ("# TYPE h histogram\nother{le=\"2\"} 1", "other{le=\"2.0\"} 1"),
    ])
    func normalization(input: String, expected: String) {
        #expect((try? TestSupport.lines(input, .prometheusText).get()) == [expected])
    }

    @Test func nulBytes() throws {
        // NUL inside a label value or help text is allowed.
        #expect((try? TestSupport.lines(Array("a{b=\"x\0y\"} 1\n".utf8), .prometheusText).get()) == ["a{b=\"x\0y\"} 1"])
        #expect((try? TestSupport.lines(Array("# HELP a x\0y\na 1\n".utf8), .prometheusText).get()) == ["a 1"])
        // A NUL where a line starts ends the input, as promlex returns EOF there.
        #expect((try? TestSupport.lines(Array("a 1\n\0garbage {{{\n".utf8), .prometheusText).get()) == ["a 1"])
    }

    @Test func emptyInput() throws {
        var p = ExpositionParser(bytes: [], format: .prometheusText)
        #expect(try p.next() == nil)
    }
}
