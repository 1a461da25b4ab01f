import Testing
@testable import Templates

/// Templates written to hang, recurse or exhaust memory must fail with a clear error.
@Suite struct HostileTemplateTests {
    static let small = TemplateLimits(maxOutputBytes: 10_000, maxSteps: 20_000, maxTemplateDepth: 50, maxParseDepth: 50, maxSourceBytes: 50_000)

    @Test(arguments: [
        ("{{ range 100000000 }}x{{ end }}", "exceeded the limit of 20000 steps"),
        ("{{ range 5000 }}xxxxxxxxxx{{ end }}", "template output exceeded the limit of 10000 bytes"),
        ("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}", "exceeded maximum template depth (50)"),
        ("{{ $x := \"aaaaaaaaaa\" }}{{ range 40 }}{{ $x = printf \"%s%s\" $x $x }}{{ end }}", "value exceeded the limit of 10000 bytes"),
        ("{{ printf \"%9000000d\" 1 }}", "value exceeded the limit of 10000 bytes"),
        (String(repeating: "(", count: 500), "nesting too deep (limit 50)"),
        ("{{ " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + " }}", "nesting too deep (limit 50)"),
        (String(repeating: "{{ if 1 }}", count: 500), "nesting too deep (limit 50)"),
        (String(repeating: "{{ block \"b\" . }}", count: 500), "nesting too deep (limit 50)"),
        (String(repeating: "x", count: 60_000), "source exceeds the limit of 50000 bytes"),
        ("{{ range $i := 3 }}{{ range $j := 100000 }}{{ end }}{{ end }}", "exceeded the limit of 20000 steps"),
    ])
    func rejected(text: String, message: String) {
        let out = prometheusExpand(text.hasPrefix("(") ? "{{ " + text : text, limits: HostileTemplateTests.small)
        #expect(out.hasPrefix("ERROR"))
        #expect(out.contains(message))
    }

    @Test(arguments: ["{{", "}}", "{{{{", "{{ . . . }}", "{{ $ }}", "{{ ' }}", "{{ '' }}", "{{ 0x }}", "{{ 1e }}",
                      "{{ .a | .b }}", "{{ template }}", "{{ define }}", "{{ with }}", "{{ range }}", "{{ else if }}",
                      "{{ \"\\xff\" }}", "{{ slice \"abc\" 2 1 }}", "{{ index nil }}", "{{ call 1 }}", "\u{0}{{ \u{0} }}"])
    func garbageNeverCrashes(text: String) {
        _ = prometheusExpand(text)
        _ = AlertTemplate.expand(text: text, name: "x", labels: [:], value: 0)
    }
}

/// The default limits must stop deep recursion before the stack does.
@Suite struct DefaultLimitTests {
    @Test func recursionAtDefaultDepth() {
        let out = prometheusExpand("{{ define \"r\" }}({{ template \"r\" . }}){{ end }}{{ template \"r\" . }}")
        #expect(out.contains("exceeded maximum template depth (100)"))
    }

    @Test func nestingAtDefaultDepth() {
        let ok = "{{ " + String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99) + " }}"
        #expect(prometheusExpand(ok) == "1")
        let ifs = String(repeating: "{{ if 1 }}", count: 99) + "x" + String(repeating: "{{ end }}", count: 99)
        #expect(prometheusExpand(ifs) == "x")
    }
}
