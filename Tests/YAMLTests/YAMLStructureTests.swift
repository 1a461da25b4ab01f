import Testing
import YAML

/// Documents and the flow-style rendering of what they load to.
@Suite struct YAMLStructureTests {
    static let cases: [(String, String)] = [
        ("a: 1\nb: two\n", #"{"a": 1, "b": "two"}"#),
        ("- a\n- b\n", #"["a", "b"]"#),
        ("a:\n  - 1\n  - 2\nb: x\n", #"{"a": [1, 2], "b": "x"}"#),
        ("a:\n- 1\n- 2\nb: x\n", #"{"a": [1, 2], "b": "x"}"#),
        ("- a: 1\n  b: 2\n- c\n", #"[{"a": 1, "b": 2}, "c"]"#),
        ("- - a\n  - b\n- - c\n", #"[["a", "b"], ["c"]]"#),
        ("a:\n  b:\n    c: d\n  e: f\n", #"{"a": {"b": {"c": "d"}, "e": "f"}}"#),
        ("a: [1, b, \"c\"]\n", #"{"a": [1, "b", "c"]}"#),
        ("a: {x: 1, y: [2, {z: 3}]}\n", #"{"a": {"x": 1, "y": [2, {"z": 3}]}}"#),
        ("a: [\n  1,\n  2,\n]\n", #"{"a": [1, 2]}"#),
        ("{\"a\":1, 'b': x y}", #"{"a": 1, "b": "x y"}"#),
        ("[a: 1, b]", #"[{"a": 1}, "b"]"#),
        ("{a, b: }", #"{"a": null, "b": null}"#),
        ("[]", "[]"),
        ("{}", "{}"),
        ("a:\nb: ~\n", #"{"a": null, "b": null}"#),
        ("url: http://x:9090/a#b\n", #"{"url": "http://x:9090/a#b"}"#),
        ("a: b # comment\n# full line\nc: d#e\n", #"{"a": "b", "c": "d#e"}"#),
        ("a: one\n  two\n\n  three\n", #"{"a": "one two\nthree"}"#),
        ("- one\n  two\n", #"["one two"]"#),
        ("plain\ntext\n", #""plain text""#),
        ("a: 'it''s'\n", #"{"a": "it's"}"#),
        ("a: 'one\n  two\n\n  three'\n", #"{"a": "one two\nthree"}"#),
        ("a: \"one \\\n  two\"\n", #"{"a": "one two"}"#),
        ("a: \"x\\\n  y\"\n", #"{"a": "xy"}"#),
        ("\"quoted key\": 1\n'single': 2\n", #"{"quoted key": 1, "single": 2}"#),
        ("a:    spaced   \n", #"{"a": "spaced"}"#),
        ("-1: negative\n:x: colon\n", #"{-1: "negative", ":x": "colon"}"#),
        ("a: -\n", "ERR"),
        ("? a\n", "ERR"),
        ("key: value\r\nother: x\r\n", #"{"key": "value", "other": "x"}"#),
        ("\u{FEFF}a: 1\n", #"{"a": 1}"#),
        ("a:\tb\n", #"{"a": "b"}"#),
        ("a: 1 \n", #"{"a": 1}"#),
        ("[a, [b, [c, [d]]]]", #"["a", ["b", ["c", ["d"]]]]"#),
        ("{a: {b: {c: {}}}}", #"{"a": {"b": {"c": {}}}}"#),
        ("[1,\n 2 # two\n , 3]", "[1, 2, 3]"),
        ("[\"a\":b]", #"[{"a": "b"}]"#),
        ("[a:b]", #"["a:b"]"#),
        ("[http://x]", #"["http://x"]"#),
        ("a: [b]: c\n", "ERR"),
        ("[a]: b\n", #"{["a"]: "b"}"#),
        ("a:\n  - b\n  -\n  - c\n", #"{"a": ["b", null, "c"]}"#),
        ("-\n  a\n", #"["a"]"#),
    ]

    @Test(arguments: cases)
    func loads(_ input: String, _ expected: String) throws {
        if expected == "ERR" {
            #expect(throws: YAMLError.self) { try YAML.load(input, file: "t.yaml") }
            return
        }
        let node = try YAML.load(input, file: "t.yaml")
        #expect(node?.description == expected)
    }

    @Test func emptyStreamIsNil() throws {
        #expect(try YAML.load("") == nil)
        #expect(try YAML.load("# only a comment\n\n") == nil)
        #expect(try YAML.load("---\n")?.isNull == true)
    }

    @Test func subscriptsAndAccessors() throws {
        let node = try #require(try YAML.load("a:\n  b: [x, 2]\n"))
        #expect(node["a"]?["b"]?[0]?.string == "x")
        #expect(node["a"]?["b"]?[1]?.int == 2)
        #expect(node["a"]?["b"]?[2] == nil)
        #expect(node["missing"] == nil)
        #expect(node.mapping?.entries.count == 1)
    }
}
