import Testing
@testable import Templates

/// Go `text/template` language features, executed against a small data record.
@Suite struct GoExecutionTests {
    static let data = TemplateValue.record(TemplateRecord(typeName: "main.data", fields: [
        ("M", .stringMap(["b": "2", "a": "1"])),
        ("L", .array([.string("a"), .string("b"), .string("c"), .string("d"), .string("e")])),
        ("Empty", .array([])),
        ("A", .string("")),
        ("B", .string("z")),
        ("N", .float(2.5)),
        ("I", .map([:])),
    ]))

    @Test(arguments: [
        ("{{/* comment */}}x", "x"),
        ("a  {{- 1 -}}  b", "a1b"),
        ("a \n {{- /* trimmed comment */ -}} \n b", "ab"),
        ("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
        ("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", "21"),
        ("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
        ("{{ if gt 3 2 }}yes{{ else }}no{{ end }}", "yes"),
        ("{{ if eq 1 2 }}a{{ else if eq 2 2 }}b{{ else }}c{{ end }}", "b"),
        ("{{ range $k, $v := .M }}{{ $k }}={{ $v }};{{ end }}", "a=1;b=2;"),
        ("{{ range .M }}{{ . }}{{ end }}", "12"),
        ("{{ range .Empty }}{{ . }}{{ else }}empty{{ end }}", "empty"),
        ("{{ range $i, $e := .L }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 3 }}{{ break }}{{ end }}{{ $e }}{{ end }}", "ac"),
        ("{{ range $i, $e := .L }}{{ $i }}{{ end }}", "01234"),
        ("{{ range 3 }}{{ . }}{{ end }}", "012"),
        ("{{ with .I.Missing }}x{{ else }}y{{ end }}", "y"),
        ("{{ with $x := \"v\" }}{{ $x }}{{ . }}{{ end }}", "vv"),
        ("{{ with .A }}{{ . }}{{ else with .B }}b{{ . }}{{ end }}", "bz"),
        ("{{ .M.a }}{{ $.M.b }}", "12"),
        ("{{ .M }}", "map[a:1 b:2]"),
        ("{{ .N }}", "2.5"),
        ("{{ len \"héllo\" }} {{ len .L }} {{ len .M }}", "6 5 2"),
        ("{{ index .M \"a\" }}{{ index .M \"zz\" }}{{ index .L 1 }}", "1b"),
        ("{{ index \"abc\" 1 }}", "98"),
        ("{{ slice \"abcdef\" 1 3 }} {{ slice .L 3 }}", "bc [d e]"),
        ("{{ print 1 2 \"a\" \"b\" 3 }}", "1 2ab3"),
        ("{{ println \"a\" 1 }}", "a 1\n"),
        ("{{ and 1 0 \"x\" }} {{ or 0 \"\" \"z\" }} {{ and 1 \"x\" }} {{ or 0 \"\" }}", "0 z x "),
        ("{{ not 0 }} {{ not .B }}", "true false"),
        ("{{ html \"<a href='x'>&\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;"),
        ("{{ js \"it's <b>\" }}", "it\\'s \\u003Cb\\u003E"),
        ("{{ urlquery \"a b&c\" }}", "a+b%26c"),
        ("{{ \"a\" | printf \"%s-%s\" \"b\" }}", "b-a"),
        ("{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" \"x\" }}{{ block \"u\" 5 }}<{{ . }}>{{ end }}", "[x]<5>"),
        ("{{ define \"t\" }}{{ $ }}{{ end }}{{ template \"t\" }}", "<no value>"),
        ("{{ 1.5 }} {{ 1e6 }} {{ 0x1F }} {{ 'a' }} {{ -3 }} {{ 1_000 }} {{ 0o17 }} {{ 1.0 }}", "1.5 1e+06 31 97 -3 1000 15 1"),
        ("{{ `raw\\n` }}", "raw\\n"),
        ("{{ \"tab\\there\\u00e9\" }}", "tab\there\u{e9}"),
        ("{{ printf \"%v\" nil }}", "<nil>"),
        ("{{ eq \"a\" \"b\" \"a\" }} {{ ne 1 2 }} {{ lt \"a\" \"b\" }} {{ le 2 2 }} {{ ge 1.5 2.5 }}", "true true true true false"),
        ("{{ eq .I.Missing \"x\" }}", "false"),
        ("{{ (printf \"%s\" \"x\") }}", "x"),
        ("{{ (args 1).arg5 }}", "<no value>"),
        ("{{ index (args \"a\" \"b\") \"arg1\" }}", "b"),
        ("{{ args 1 \"x\" }}", "map[arg0:1 arg1:x]"),
        ("{{ $x := .L }}{{ index $x 0 }}", "a"),
        ("{{ true }} {{ false }}", "true false"),
        ("{{ .I.Missing.Deeper }}", "<no value>"),
        ("{{ if and .B (eq .B \"z\") }}ok{{ end }}", "ok"),
        ("{{- range $i, $e := .L }}{{ if $i }}, {{ end }}{{ $e }}{{ end -}}", "a, b, c, d, e"),
        ("{{ \"x\" | len }}", "1"),
        ("{{ toTime 1.5 }}", "1970-01-01 00:00:01.5 +0000 UTC"),
        ("{{ (toTime 1435065584.128).Format \"2006-01-02T15:04:05.000Z07:00 Mon Jan _2\" }}", "2015-06-23T13:19:44.128Z Tue Jun 23"),
        ("{{ (toTime 1435065584).Unix }}", "1435065584"),
    ])
    func execute(text: String, expected: String) {
        #expect(prometheusExpand(text, GoExecutionTests.data) == expected)
    }
}

/// Go compares and sorts strings by bytes, not by Unicode canonical equivalence.
@Suite struct ByteOrderTests {
    @Test func stringsCompareByBytes() {
        #expect(prometheusExpand("{{ eq \"\u{e9}\" \"e\u{301}\" }}") == "false")
        #expect(prometheusExpand("{{ lt \"Z\" \"a\" }}") == "true")
    }
}
