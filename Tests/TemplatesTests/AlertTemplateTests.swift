import Testing
@testable import Templates

/// The alert-rule front door: Prometheus's `$labels`/`$value`/... definitions, its data,
/// and its `<error expanding template: ...>` text.
@Suite struct AlertTemplateTests {
    static let labels = ["instance": "host:9100", "job": "node", "__name__": "up"]
    static let external = ["cluster": "prod"]

    static func expand(_ text: String, value: Double = 1, results: [QueryResultSample] = []) -> String {
        AlertTemplate.expand(text: text, name: "InstanceDown", labels: labels, externalLabels: external,
                             externalURL: "http://prom.example:9090/prom", value: value, query: { _ in results })
    }

    @Test func definitionsLength() {
        #expect(AlertTemplate.definitions.utf8.count == 112)
    }

    @Test(arguments: [
        ("{{ $labels.instance }} of job {{ $labels.job }} is down ({{ $value }})", 1.0, "host:9100 of job node is down (1)"),
        ("{{ $value | humanizePercentage }}", 0.253, "25.3%"),
        ("{{ $value }}", 1e6, "1e+06"),
        ("{{ $value }}", 0.1 + 0.2, "0.30000000000000004"),
        ("{{ .Value }} {{ .Labels.job }}", 2.5, "2.5 node"),
        ("{{ $externalLabels.cluster }} {{ .ExternalLabels.cluster }}", 1.0, "prod prod"),
        ("{{ $externalURL }} {{ externalURL }} {{ pathPrefix }}", 1.0, "http://prom.example:9090/prom http://prom.example:9090/prom /prom"),
        ("{{ $labels }}", 1.0, "map[__name__:up instance:host:9100 job:node]"),
        ("{{ $labels.missing }}|", 1.0, "|"),
        ("{{ if gt $value 80.0 }}high{{ else }}ok{{ end }}", 93.0, "high"),
        ("{{ $value | printf \"%.2f\" }}", 3.14159, "3.14"),
        ("{{ humanize $value }}B", 2_500_000.0, "2.5MB"),
        ("{{ $labels.instance | stripPort }}", 1.0, "host"),
        ("{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}", 1.0, "__name__=up instance=host:9100 job=node "),
        ("{{ $value }}", Double.nan, "NaN"),
        ("{{ $value }}", -Double.infinity, "-Inf"),
    ])
    func expansion(text: String, value: Double, expected: String) {
        #expect(AlertTemplateTests.expand(text, value: value) == expected)
    }

    @Test func queryResults() {
        let r = [QueryResultSample(labels: ["instance": "b"], value: 2), QueryResultSample(labels: ["instance": "a"], value: 1)]
        let text = "{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }};{{ end }}"
        #expect(AlertTemplateTests.expand(text, results: r) == "a=1;b=2;")
        #expect(AlertTemplateTests.expand("{{ with query \"up\" }}{{ . | first | value | humanize }}{{ end }}", results: r) == "2")
    }

    @Test(arguments: [
        ("{{ query \"up\" | first }}",
         "<error expanding template: error executing template __alert_InstanceDown: template: __alert_InstanceDown:1:128: executing \"__alert_InstanceDown\" at <first>: error calling first: first() called on vector with no elements>"),
        ("{{ if }}",
         "<error expanding template: error parsing template __alert_InstanceDown: template: __alert_InstanceDown:1: missing value for if>"),
        ("{{ .Foo }}",
         "<error expanding template: error executing template __alert_InstanceDown: template: __alert_InstanceDown:1:115: executing \"__alert_InstanceDown\" at <.Foo>: can't evaluate field Foo in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value interface {} }>"),
        ("line1\n{{ $labels.instance.x }}",
         "<error expanding template: error executing template __alert_InstanceDown: template: __alert_InstanceDown:2:10: executing \"__alert_InstanceDown\" at <$labels.instance.x>: can't evaluate field x in type string>"),
        ("{{ $foo }}",
         "<error expanding template: error parsing template __alert_InstanceDown: template: __alert_InstanceDown:1: undefined variable \"$foo\">"),
    ])
    func errors(text: String, expected: String) {
        #expect(AlertTemplateTests.expand(text) == expected)
    }

    @Test func queryErrorsPropagate() {
        struct Boom: Error, CustomStringConvertible { var description: String { "query timed out" } }
        let out = AlertTemplate.expand(text: "{{ query \"up\" }}", name: "X", labels: [:], value: 0, query: { _ in throw Boom() })
        #expect(out == "<error expanding template: error executing template __alert_X: template: __alert_X:1:115: executing \"__alert_X\" at <query \"up\">: error calling query: query timed out>")
    }
}
