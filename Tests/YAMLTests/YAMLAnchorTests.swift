import Testing
import YAML

/// Anchors, aliases, merge keys and duplicate keys.
@Suite struct YAMLAnchorTests {
    static let cases: [(String, String)] = [
        ("a: &x 1\nb: *x\n", #"{"a": 1, "b": 1}"#),
        ("a: &x [1, 2]\nb: *x\n", #"{"a": [1, 2], "b": [1, 2]}"#),
        ("base: &b\n  x: 1\n  y: 2\nd:\n  <<: *b\n  y: 3\n", #"{"base": {"x": 1, "y": 2}, "d": {"x": 1, "y": 3}}"#),
        ("a: &a {x: 1, z: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  w: 0\n",
         #"{"a": {"x": 1, "z": 1}, "b": {"x": 2, "y": 2}, "c": {"x": 1, "z": 1, "y": 2, "w": 0}}"#),
        ("a: &a {x: 1}\nc: {<<: *a, x: 9}\n", #"{"a": {"x": 1}, "c": {"x": 9}}"#),
        ("- &m\n  k: v\n- *m\n", #"[{"k": "v"}, {"k": "v"}]"#),
        ("&k key: v\nother: *k\n", #"{"key": "v", "other": "key"}"#),
        ("a: &x\nb: *x\n", #"{"a": null, "b": null}"#),
        ("a: &x 1\nb: &x 2\nc: *x\n", #"{"a": 1, "b": 2, "c": 2}"#),
        ("a: &x !!str 1\nb: *x\n", #"{"a": "1", "b": "1"}"#),
        ("[&a x, *a]", #"["x", "x"]"#),
        ("'<<': 1\n", #"{"<<": 1}"#),
    ]

    @Test(arguments: cases)
    func resolves(_ input: String, _ expected: String) throws {
        #expect(try YAML.load(input)?.description == expected)
    }

    @Test func aliasRootIsReportedAtTheAlias() throws {
        let node = try #require(try YAML.load("a: &x [1]\nb: *x\n"))
        #expect(node["b"]?.mark == Mark(line: 2, column: 4))
        #expect(node["b"]?[0]?.mark == Mark(line: 1, column: 8))
    }

    @Test func marksOfEveryNode() throws {
        let node = try #require(try YAML.load("# c\nroot:\n  - a: 1\n    bb: [x, {y: z}]\n  - \"q\"\n"))
        #expect(node.mark == Mark(line: 2, column: 1))
        let root = try #require(node.mapping?.entries.first)
        #expect(root.key.mark == Mark(line: 2, column: 1))
        #expect(root.value.mark == Mark(line: 3, column: 3))
        let first = try #require(root.value[0]?.mapping)
        #expect(first.mark == Mark(line: 3, column: 5))
        #expect(first.entries[1].key.mark == Mark(line: 4, column: 5))
        #expect(first.entries[1].value.mark == Mark(line: 4, column: 9))
        #expect(first.entries[1].value[1]?.mark == Mark(line: 4, column: 13))
        #expect(first.entries[1].value[1]?["y"]?.mark == Mark(line: 4, column: 17))
        #expect(root.value[1]?.mark == Mark(line: 5, column: 5))
    }
}
