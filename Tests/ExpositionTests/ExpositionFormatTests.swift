import Testing
@testable import Exposition

@Suite struct ExpositionFormatTests {
    @Test(arguments: [
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.openMetrics),
        ("application/openmetrics-text", .openMetrics),
        ("Application/OpenMetrics-Text;version=0.0.1", .openMetrics),
        ("text/plain; version=0.0.4; charset=utf-8", .prometheusText),
        ("text/plain", .prometheusText),
        ("text/html", .prometheusText),
        ("", .prometheusText),
        ("garbage;;;", .prometheusText),
    ])
    func negotiate(contentType: String, expected: ExpositionFormat) {
        #expect(ExpositionFormat.negotiate(contentType: contentType) == expected)
    }

    @Test func missingContentTypeFallsBackToText() {
        #expect(ExpositionFormat.negotiate(contentType: nil) == .prometheusText)
        #expect(ExpositionFormat.recognize(contentType: nil) == nil)
        #expect(ExpositionFormat.recognize(contentType: "") == nil)
        #expect(ExpositionFormat.recognize(contentType: "application/json") == nil)
        #expect(ExpositionFormat.recognize(contentType: "text/plain;version") == nil)
        #expect(ExpositionFormat.recognize(contentType: "text/plain;") == .prometheusText)
    }

    @Test func acceptHeaderMatchesPrometheus3() {
        #expect(ExpositionFormat.defaultAcceptHeader == "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2")
    }
}
