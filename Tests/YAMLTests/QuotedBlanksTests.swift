import Testing
@testable import YAML

@Suite struct QuotedBlanksTests {
    @Test(arguments: [
        ("a: 'trail '", "trail "),
        ("a: \"dq  \"", "dq  "),
        ("a: ' both '", " both "),
        ("a: 'fold  \n  next'", "fold next"),
    ])
    func blanksBeforeTheClosingQuoteStay(text: String, expected: String) throws {
        let node = try YAML.load(text, file: "t.yml")
        #expect(node?["a"]?.string == expected)
    }
}
