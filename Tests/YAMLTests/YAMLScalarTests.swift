import Testing
import YAML

/// Core schema resolution, quoting styles, escapes and block scalars.
@Suite struct YAMLScalarTests {
    static let plainKinds: [(String, YAMLScalar.Kind)] = [
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("nULL", .string),
        ("true", .bool), ("True", .bool), ("TRUE", .bool), ("false", .bool), ("False", .bool), ("FALSE", .bool),
        ("yes", .string), ("on", .string), ("off", .string), ("y", .string), ("tRUE", .string),
        ("0", .int), ("-12", .int), ("+7", .int), ("0x1F", .int), ("0o17", .int), ("0x", .string), ("0o8", .string),
        ("1.5", .float), ("-1.5e3", .float), (".5", .float), ("1.", .float), ("1e10", .float), ("1E-2", .float),
        (".inf", .float), ("-.Inf", .float), ("+.INF", .float), (".nan", .float), (".NaN", .float),
        ("1e", .string), (".", .string), ("1.2.3", .string), ("-.nan", .string), ("1_000", .string),
        ("12:30", .string), ("2024-01-01", .string),
    ]

    @Test(arguments: plainKinds)
    func plainScalarsResolve(_ text: String, _ kind: YAMLScalar.Kind) throws {
        let node = try YAML.load("v: \(text)\n")
        #expect(node?["v"]?.scalar?.kind == kind)
        #expect(node?["v"]?.scalar?.value == text)
    }

    static let typed: [(String, Int?, Double?, Bool?)] = [
        ("42", 42, 42, nil), ("-3", -3, -3, nil), ("0x1F", 31, 31, nil), ("0o17", 15, 15, nil),
        ("1.5", nil, 1.5, nil), ("-.inf", nil, -.infinity, nil), ("1e3", nil, 1000, nil),
        ("true", nil, nil, true), ("FALSE", nil, nil, false), ("'42'", nil, nil, nil),
    ]

    @Test(arguments: typed)
    func typedAccessors(_ text: String, _ int: Int?, _ double: Double?, _ bool: Bool?) throws {
        let v = try #require(try YAML.load("v: \(text)\n")?["v"])
        #expect(v.int == int)
        #expect(v.double == double)
        #expect(v.bool == bool)
    }

    @Test func nanAndQuotedAreDistinguished() throws {
        let node = try #require(try YAML.load("a: .nan\nb: \"1\"\nc: 1\nd: ~\n"))
        #expect(node["a"]?.double?.isNaN == true)
        #expect(node["b"]?.scalar?.kind == .string)
        #expect(node["b"]?.scalar?.style == .doubleQuoted)
        #expect(node["c"]?.scalar?.kind == .int)
        #expect(node["c"]?.scalar?.style == .plain)
        #expect(node["d"]?.isNull == true)
        #expect(node["d"]?.string == nil)
        #expect(node["c"]?.string == "1")
    }

    static let escapes: [(String, String)] = [
        (#""a\nb""#, "a\nb"), (#""\t\\\"""#, "\t\\\""), (#""\x41\u263A\U0001F600""#, "A\u{263A}\u{1F600}"),
        (#""\0\a\b\v\f\r\e""#, "\u{0}\u{7}\u{8}\u{B}\u{C}\r\u{1B}"), (#""\ \/\N\_\L\P""#, " /\u{85}\u{A0}\u{2028}\u{2029}"),
        (#"'no \n escape'"#, "no \\n escape"), (#"'a''b'"#, "a'b"), (#""""#, ""), (#"''"#, ""),
        ("\"a\n\n\n  b\"", "a\n\nb"), ("\"trailing   \n  x\"", "trailing x"), ("\"keep\\t\n x\"", "keep\t x"),
    ]

    @Test(arguments: escapes)
    func quotedScalars(_ text: String, _ value: String) throws {
        let node = try YAML.load("v: \(text)\n")
        #expect(node?["v"]?.string == value)
        #expect(node?["v"]?.scalar?.kind == .string)
    }

    static let blocks: [(String, String)] = [
        ("v: |\n  a\n  b\n", "a\nb\n"),
        ("v: |-\n  a\n  b\n", "a\nb"),
        ("v: |+\n  a\n\n\nx: 1\n", "a\n\n\n"),
        ("v: >\n  a\n  b\n\n  c\n", "a b\nc\n"),
        ("v: >-\n  a\n  b\n", "a b"),
        ("v: >\n  a\n    indented\n  b\n", "a\n  indented\nb\n"),
        ("v: |2\n    two extra\n  base\n", "  two extra\nbase\n"),
        ("v: |1-\n  x\n", " x"),
        ("v: |\n  a\n\n  b\n\n\nw: 1\n", "a\n\nb\n"),
        ("v: | # comment\n  # not a comment\n", "# not a comment\n"),
        ("- |\n  in seq\n- >\n  folded\n  seq\n", ""),
        ("v: |\nw: 1\n", ""),
        ("v: >\n\n  after empty\n", "\nafter empty\n"),
        ("v: |\n  no final break", "no final break"),
        ("v: |+\n", ""),
        ("v: |-\n  text\n\n", "text"),
    ]

    @Test(arguments: blocks)
    func blockScalars(_ text: String, _ value: String) throws {
        let node = try #require(try YAML.load(text))
        if let seq = node.sequence {
            #expect(seq.items.map(\.string) == ["in seq\n", "folded seq\n"])
        } else {
            #expect(node["v"]?.string == value)
            #expect(node["v"]?.scalar?.kind == .string)
        }
    }

    @Test func blockScalarStyles() throws {
        let node = try #require(try YAML.load("a: |\n  x\nb: >\n  y\nc: 'z'\n"))
        #expect(node["a"]?.scalar?.style == .literal)
        #expect(node["b"]?.scalar?.style == .folded)
        #expect(node["c"]?.scalar?.style == .singleQuoted)
    }

    static let tags: [(String, String)] = [
        ("!!str 123", #""123""#), ("!!int \"42\"", "42"), ("!!float 1", "1"), ("!!bool \"true\"", "true"),
        ("!!null ''", "null"), ("!!map {a: 1}", #"{"a": 1}"#), ("!!seq [1]", "[1]"), ("! 12", #""12""#),
        ("!<tag:yaml.org,2002:str> 5", #""5""#), ("!!str", #""""#),
    ]

    @Test(arguments: tags)
    func coreTagsAreHonoured(_ text: String, _ rendered: String) throws {
        #expect(try YAML.load("v: \(text)\n")?["v"]?.description == rendered)
    }

    @Test func taggedFloatReadsAsDouble() throws {
        let v = try #require(try YAML.load("v: !!float 3\n")?["v"])
        #expect(v.scalar?.kind == .float)
        #expect(v.double == 3)
    }
}
