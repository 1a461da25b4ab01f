import Testing
@testable import Exposition

@Suite struct CanonicalPrinterTests {
    @Test func rendersAndStopsAtError() {
        var parser = ExpositionParser(bytes: Array("a{z=\"1\",b=\"q\\\"\"} 1 5\nb 2\nc{\n".utf8), format: .prometheusText)
        var out = ""
        #expect(throws: ExpositionError.self) { try TestSupport.printer.render(&parser, into: &out) }
        #expect(out == "a{b=\"q\\\"\",z=\"1\"} 1 5\nb 2\n")
    }

    @Test func usesTheGivenFormatter() throws {
        let printer = CanonicalPrinter(formatValue: { _ in "V" })
        #expect(try printer.render(bytes: Array("a 1\n".utf8), format: .prometheusText) == "a V\n")
    }

    @Test(arguments: [("a", true), ("a:b_c9", true), ("9a", false), ("a.b", false), ("", false)])
    func legacyNames(name: String, legacy: Bool) {
        #expect(CanonicalPrinter.isLegacyName(name, colons: true) == legacy)
    }
}
