import Testing
@testable import Templates

/// Parse and execution error texts, as Go's text/template words them.
@Suite struct TemplateErrorTests {
    @Test(arguments: [
        ("{{ end }}", "template: test:1: unexpected {{end}}"),
        ("{{ else }}", "template: test:1: unexpected {{else}}"),
        ("{{ if 1 }}", "template: test:1: unexpected EOF"),
        ("{{ foo }}", "template: test:1: function \"foo\" not defined"),
        ("{{ tmpl \"a\" . }}", "template: test:1: function \"tmpl\" not defined"),
        ("{{ $x }}", "template: test:1: undefined variable \"$x\""),
        ("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}", "template: test:1: undefined variable \"$x\""),
        ("{{ break }}", "template: test:1: {{break}} outside {{range}}"),
        ("{{ 1 | 2 }}", "template: test:1: non executable command in pipeline stage 2"),
        ("{{ \"abc }}", "template: test:1: unterminated quoted string"),
        ("{{ `abc }}", "template: test:1: unterminated raw quoted string"),
        ("{{ ( 1 }}", "template: test:1: unclosed left paren"),
        ("{{ ) }}", "template: test:1: unexpected right paren"),
        ("{{ # }}", "template: test:1: unexpected \"#\" in command"),
        ("{{/* x }}", "template: test:1: unclosed comment"),
        ("{{/* x */ }}", "template: test:1: comment ends before closing delimiter"),
        ("{{ define \"a\" }}x{{ end }}{{ define \"a\" }}y{{ end }}", "template: test:1: template: multiple definition of template \"a\""),
        ("{{ 1.foo }}", "template: test:1: bad number syntax: \"1.f\""),
        ("{{ $x := }}", "template: test:1: missing value for command"),
        ("{{ if }}{{ end }}", "template: test:1: missing value for if"),
        ("a\n{{ end }}", "template: test:2: unexpected {{end}}"),
        ("{{ 1\n", "template: test:2: unclosed action started at test:1"),
        ("{{ 1 = 2 }}", "template: test:1: unexpected \"=\" in operand"),
        ("{{ \"\\z\" }}", "template: test:1: invalid syntax"),
        ("{{ 99999999999999999999 }}", "template: test:1: integer overflow: \"99999999999999999999\""),
        ("{{ $x, $y := 1 }}", "template: test:1: too many declarations in command"),
        ("{{ range $a, $b, $c := . }}{{ end }}", "template: test:1: too many declarations in range"),
        ("{{ template foo }}", "template: test:1: unexpected \"foo\" in template clause"),
        ("{{ \"a\".x }}", "template: test:1: unexpected . after term \"\\\"a\\\"\""),
        ("{{ x\u{2603} }}", "template: test:1: bad character U+2603 '☃'"),
    ])
    func parseError(text: String, expected: String) {
        #expect(prometheusExpand(text) == "ERROR: error parsing template test: " + expected)
    }

    static let labels = TemplateValue.record(TemplateRecord(typeName: "main.data", fields: [
        ("Labels", .stringMap(["instance": "a"])),
    ]))

    @Test(arguments: [
        ("{{ .Labels.instance.bar }}", "template: test:1:10: executing \"test\" at <.Labels.instance.bar>: can't evaluate field bar in type string"),
        ("{{ .Nope }}", "template: test:1:3: executing \"test\" at <.Nope>: can't evaluate field Nope in type main.data"),
        ("{{ index .Labels 1 }}", "template: test:1:3: executing \"test\" at <index .Labels 1>: error calling index: value has type int; should be string"),
        ("{{ template \"nope\" }}", "template: test:1:12: executing \"test\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
        ("{{ toUpper 1 }}", "template: test:1:11: executing \"test\" at <1>: expected string; found 1"),
        ("{{ gt 1 1.5 }}", "template: test:1:3: executing \"test\" at <gt 1 1.5>: error calling gt: incompatible types for comparison"),
        ("{{ len 3 }}", "template: test:1:3: executing \"test\" at <len 3>: error calling len: len of type int"),
        ("{{ nil }}", "template: test:1:3: executing \"test\" at <nil>: nil is not a command"),
        ("{{ \"x\" 1 }}", "template: test:1:3: executing \"test\" at <\"x\">: can't give argument to non-function \"x\""),
        ("{{ range 1.5 }}{{ end }}", "template: test:1:9: executing \"test\" at <1.5>: range can't iterate over 1.5"),
        ("{{ index .Labels.instance 5 }}", "template: test:1:3: executing \"test\" at <index .Labels.instance 5>: error calling index: index out of range: 5"),
        ("{{ humanize true }}", "template: test:1:3: executing \"test\" at <humanize true>: error calling humanize: can't convert bool to float"),
        ("{{ toTime \"NaN\" }}", "template: test:1:3: executing \"test\" at <toTime \"NaN\">: error calling toTime: value is NaN or Inf"),
        ("{{ parseDuration \"1x\" }}", "template: test:1:3: executing \"test\" at <parseDuration \"1x\">: error calling parseDuration: unknown unit \"x\" in duration \"1x\""),
        ("{{ parseDuration \"1s1h\" }}", "template: test:1:3: executing \"test\" at <parseDuration \"1s1h\">: error calling parseDuration: not a valid duration string: \"1s1h\""),
        ("{{ first 1 }}", "template: test:1:9: executing \"test\" at <1>: can't handle 1 for arg of type template.queryResult"),
        ("{{ .Labels | first }}", "template: test:1:13: executing \"test\" at <first>: wrong type for value; expected template.queryResult; got map[string]string"),
        ("{{ label \"x\" }}", "template: test:1:3: executing \"test\" at <label>: wrong number of args for label: want 2 got 1"),
        ("{{ printf }}", "template: test:1:3: executing \"test\" at <printf>: wrong number of args for printf: want at least 1 got 0"),
        ("{{ define \"t\" }}{{ .x }}{{ end }}{{ template \"t\" 1 }}", "template: test:1:19: executing \"t\" at <.x>: can't evaluate field x in type int"),
        ("{{ $x := 1 }}{{ $x.y }}", "template: test:1:18: executing \"test\" at <$x.y>: can't evaluate field y in type int"),
        ("{{ and }}", "template: test:1:3: executing \"test\" at <and>: wrong number of args for and: want at least 1 got 0"),
        ("{{ reReplaceAll \"(\" \"\" \"x\" }}", "template: test:1:3: executing \"test\" at <reReplaceAll \"(\" \"\" \"x\">: error calling reReplaceAll: regexp: Compile(`(`): error parsing regexp: invalid pattern: `(`"),
    ])
    func executionError(text: String, expected: String) {
        #expect(prometheusExpand(text, TemplateErrorTests.labels) == "ERROR: error executing template test: " + expected)
    }
}
