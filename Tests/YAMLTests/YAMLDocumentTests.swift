import Testing
import YAML

/// Streams: document markers, directives and multiple documents.
@Suite struct YAMLDocumentTests {
    static let streams: [(String, [String])] = [
        ("a: 1\n", [#"{"a": 1}"#]),
        ("---\na: 1\n", [#"{"a": 1}"#]),
        ("---\na: 1\n...\n", [#"{"a": 1}"#]),
        ("a: 1\n---\nb: 2\n", [#"{"a": 1}"#, #"{"b": 2}"#]),
        ("--- 1\n--- two\n---\n", ["1", #""two""#, "null"]),
        ("---\n---\n", ["null", "null"]),
        ("%YAML 1.2\n---\nx\n...\n%YAML 1.2\n--- y\n", [#""x""#, #""y""#]),
        ("--- |\n  text\n--- [a]\n", [#""text\n""#, #"["a"]"#]),
        ("--- &a\nk: v\n", [#"{"k": "v"}"#]),
        ("# nothing\n", []),
        ("", []),
        ("- a\n...\n# trailing\n", [#"["a"]"#]),
    ]

    @Test(arguments: streams)
    func loadAll(_ input: String, _ expected: [String]) throws {
        #expect(try YAML.loadAll(input).map(\.description) == expected)
    }

    @Test func documentAfterEndNeedsNoMarker() throws {
        #expect(try YAML.loadAll("a\n...\nb\n").map(\.description) == [#""a""#, #""b""#])
    }

    @Test func errorDescriptionFormat() {
        let error = YAMLError(file: "f.yml", line: 3, column: 7, message: "boom")
        #expect(error.description == "f.yml:3:7: boom")
        #expect(error.mark == Mark(line: 3, column: 7))
    }
}
