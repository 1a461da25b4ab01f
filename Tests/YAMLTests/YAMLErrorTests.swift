import Testing
import YAML

/// Malformed input: every error is `file:line:col: message`, never a crash.
@Suite struct YAMLErrorTests {
    static let cases: [(String, String)] = [
        ("a: \"open\nb: 1\n", "t.yaml:1:4: unterminated double-quoted scalar: no closing '\"' before the end of input"),
        ("a: 'open\n", "t.yaml:1:4: unterminated single-quoted scalar: no closing \"'\" before the end of input"),
        ("a: [1, 2\n", "t.yaml:1:4: unterminated flow sequence: no closing ']' for this '['"),
        ("a: {x: 1\n", "t.yaml:1:4: unterminated flow mapping: no closing '}' for this '{'"),
        ("a: [[1] 2]\n", "t.yaml:1:9: expected ',' or ']' in a flow sequence, found '2'"),
        ("a: {x: [1] y}\n", "t.yaml:1:12: expected ',' or '}' in a flow mapping, found 'y'"),
        ("a: \"\\q\"\n", "t.yaml:1:5: invalid escape sequence '\\q' in a double-quoted scalar"),
        ("a: \"\\x4\"\n", "t.yaml:1:5: escape '\\x' needs 2 hexadecimal digits"),
        ("a: \"\\uD800\"\n", "t.yaml:1:5: escape '\\u' gives U+D800, which is not a Unicode scalar value"),
        ("a:\n\tb: 1\n", "t.yaml:2:1: tab character used for indentation; YAML allows only spaces"),
        ("a: 1\n  b: 2\n", "t.yaml:2:4: mapping values are not allowed in this context (a key must fit on one line)"),
        ("a:\n    b: 1\n  c: 2\n", "t.yaml:3:3: bad indentation of a mapping entry: expected column 1"),
        ("- [a]\n  - b\n", "t.yaml:2:3: bad indentation of a sequence entry: expected column 1"),
        ("a: 1\n- b\n", "t.yaml:2:1: expected a mapping key, found a sequence entry ('- ')"),
        ("a: b: c\n", "t.yaml:1:5: mapping values are not allowed in this context"),
        ("a: *nope\n", "t.yaml:1:4: undefined alias '*nope': no anchor '&nope' appears before it"),
        ("a: 1\nb: 2\na: 3\n", "t.yaml:3:1: duplicate key \"a\" (first defined at line 1, column 1)"),
        ("a: 1\n\"a\": 2\n", "t.yaml:2:1: duplicate key \"a\" (first defined at line 1, column 1)"),
        ("{x: 1, x: 2}", "t.yaml:1:8: duplicate key \"x\" (first defined at line 1, column 2)"),
        ("a: !foo x\n", "t.yaml:1:4: unsupported tag '!foo'; only the core schema tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are accepted"),
        ("a: !!binary eA==\n", "t.yaml:1:4: unsupported tag '!!binary'; only the core schema tags !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are accepted"),
        ("a: !!int x\n", "t.yaml:1:4: 'x' is not a valid !!int"),
        ("a: !!map [1]\n", "t.yaml:1:4: tag !!map cannot be applied to a sequence"),
        ("? a\n: b\n", "t.yaml:1:1: explicit mapping keys ('? ') are not supported; write the key as 'key: value'"),
        ("%TAG ! tag:x,2000:\n--- a\n", "t.yaml:1:1: %TAG directives are not supported; only the core schema tags (!!str, !!int, ...) are accepted"),
        ("%YAML 1.2\na: 1\n", "t.yaml:2:1: directives must be followed by a '---' document start"),
        ("%YAML 2.0\n---\n", "t.yaml:1:1: unsupported YAML version '2.0'; expected 1.x"),
        ("a: |x\n", "t.yaml:1:5: invalid block scalar header: expected '-', '+', an indentation digit 1-9, a comment or a line break"),
        ("a: |0\n", "t.yaml:1:5: a block scalar's indentation indicator must be 1 to 9"),
        ("a: \"x\" y\n", "t.yaml:1:8: unexpected 'y' after the mapping value; expected the end of the line"),
        ("a: @x\n", "t.yaml:1:4: a plain scalar cannot start with '@'; quote the value"),
        ("a: `x\n", "t.yaml:1:4: a plain scalar cannot start with '`'; quote the value"),
        ("a: [b, |]\n", "t.yaml:1:8: block scalars ('|') are not allowed inside a flow collection"),
        ("a: 1\u{7}\n", "t.yaml:1:5: control character U+0007 is not allowed in YAML"),
        ("a: 1\n--- b\n", "t.yaml:2:5: expected a single document, found a second one (use loadAll for multi-document streams)"),
        ("a: &x\n  <<: 1\n", "t.yaml:2:7: a merge key '<<' takes a mapping or a sequence of mappings, found a int"),
        ("a: &x !!str\n  b: 1\n", "t.yaml:1:7: tag !!str cannot be applied to a mapping"),
        ("key\nother: 1\n", "t.yaml:2:6: mapping values are not allowed in this context (a key must fit on one line)"),
        (": v\n", "t.yaml:1:1: a mapping key is missing before ':'"),
        ("a: &\n", "t.yaml:1:4: an anchor needs a name after '&'"),
        ("a: \"x\n---\ny\"\n", "t.yaml:1:4: unterminated double-quoted scalar: a document marker appears before the closing quote"),
        ("a:\n  b\n c: 1\n", "t.yaml:3:3: mapping values are not allowed in this context (a key must fit on one line)"),
    ]

    @Test(arguments: cases)
    func reportsPosition(_ input: String, _ expected: String) {
        #expect(throws: YAMLError.self) { try YAML.load(input, file: "t.yaml") }
        do {
            _ = try YAML.load(input, file: "t.yaml")
        } catch {
            #expect(error.description == expected)
        }
    }
}
