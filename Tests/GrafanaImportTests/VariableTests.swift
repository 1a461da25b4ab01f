import Config
@testable import GrafanaImport
import PromQL
import Testing

/// Template variables: fixed values substituted, query variables flattened in matchers,
/// built-ins replaced, unknown `$names` left alone.
@Suite struct VariableTests {
    static let variables = [
        #"{"name": "node", "type": "query", "query": {"query": "label_values(node_uname_info{job=\"$job\"}, instance)"}, "current": {"text": "a:9100", "value": "a:9100"}}"#,
        #"{"name": "job", "type": "query", "query": "label_values(up, job)", "current": {"text": "All", "value": "$__all"}, "includeAll": true}"#,
        #"{"name": "env", "type": "custom", "query": "prod,staging", "current": {"text": "prod", "value": "prod"}}"#,
        #"{"name": "dcs", "type": "custom", "query": "eu.1,us", "multi": true, "current": {"value": ["eu.1", "us"]}}"#,
        #"{"name": "win", "type": "interval", "query": "30s,1m,5m", "current": {"text": "5m", "value": "5m"}}"#,
        #"{"name": "auto", "type": "interval", "query": "1m,5m", "current": {"value": "$__auto_interval_auto"}}"#,
        #"{"name": "prefix", "type": "constant", "query": "node"}"#,
        #"{"name": "custall", "type": "query", "query": "label_values(x, y)", "allValue": ".*", "includeAll": true, "current": {"value": ["$__all"]}}"#,
        #"{"name": "DS_PROMETHEUS", "type": "datasource", "query": "prometheus"}"#,
    ]

    @Test(arguments: [
        (#"up{instance=~"$node"}"#, #"up{instance=~".+"}"#),
        (#"up{instance="$node"}"#, #"up{instance=~".+"}"#),
        (#"up{instance="${node}", job=~"$job"}"#, #"up{instance=~".+", job=~".+"}"#),
        (#"up{instance=~"[[node]]"}"#, #"up{instance=~".+"}"#),
        (#"up{instance="$node:9100"}"#, #"up{instance=~".+:9100"}"#),
        (#"up{path="/a.b/$node"}"#, #"up{path=~"/a\\.b/.+"}"#),
        (#"up{instance!="$node", job="x"}"#, #"up{job="x"}"#),
        (#"up{job="x", instance!~"$node"}"#, #"up{job="x"}"#),
        (#"up{instance=~"$custall"}"#, #"up{instance=~".*"}"#),
        (#"up{env="$env"}"#, #"up{env="prod"}"#),
        (#"up{dc=~"$dcs"}"#, #"up{dc=~"(eu\\.1|us)"}"#),
        (#"up{dc="$dcs"}"#, #"up{dc=~"(eu\\.1|us)"}"#),
        (#"up{dc=~"${dcs:pipe}"}"#, #"up{dc=~"eu.1|us"}"#),
        (#"up{dc=~"${dcs:regex}"}"#, #"up{dc=~"(eu\\.1|us)"}"#),
        ("rate(x[$win])", "rate(x[5m])"),
        ("rate(x[$auto])", "rate(x[1m])"),
        ("rate(x[$__rate_interval])", "rate(x[1m])"),
        ("rate(x[${__interval}])", "rate(x[1m])"),
        ("increase(x[$__range])", "increase(x[1h])"),
        ("${prefix}_load1", "node_load1"),
        (#"label_replace(up, "a", "$1", "instance", "(.*):.*")"#, #"label_replace(up, "a", "$1", "instance", "(.*):.*")"#),
        (#"up{x="$unknown"}"#, #"up{x="$unknown"}"#),
        ("topk(5, up)", "topk(5, up)"),
        (#"up{instance=~'$node'}"#, #"up{instance=~'.+'}"#),
        ("up{instance=~`$node`}", "up{instance=~`.+`}"),
        ("up == $node", "up == a:9100"),
    ])
    func substitution(_ input: String, _ expected: String) throws {
        let dashboard = try JSONReader.parse(Array(Fixtures.dashboard(panels: [], variables: Self.variables).utf8))
        let vars = TemplateVariable.parse(dashboard, options: GrafanaImportOptions())
        var interpolator = QueryInterpolator(variables: vars, options: GrafanaImportOptions())
        #expect(try interpolator.interpolate(query: input).get() == expected)
    }

    @Test func flattenedVariableOutsideMatcherWithoutSavedValueFails() throws {
        let dashboard = try JSONReader.parse(Array(Fixtures.dashboard(panels: [], variables: Self.variables).utf8))
        var interpolator = QueryInterpolator(variables: TemplateVariable.parse(dashboard, options: GrafanaImportOptions()), options: GrafanaImportOptions())
        guard case .failure(let f) = interpolator.interpolate(query: "sum by ($job) (up)") else {
            Issue.record("expected a failure")
            return
        }
        #expect(f.message.contains("$job"))
    }

    @Test func legendsAndTitles() throws {
        let json = Fixtures.dashboard(panels: [
            #"{"title": "CPU on $node ($env)", "type": "timeseries", "gridPos": {"x":0,"y":0,"w":24,"h":8},"# +
            #""targets": [{"expr": "up{instance=\"$node\"}", "legendFormat": "$node {{mode}} $env"}]}"#,
        ], variables: Self.variables)
        let r = try Fixtures.convert(json)
        let panel = try #require(Fixtures.allPanels(r).first)
        #expect(panel.title == "CPU on all (prod)")
        #expect(panel.queries == [PanelConfig.Query(#"up{instance=~".+"}"#, legend: "{{instance}} {{mode}} prod")])
        #expect(r.notes.contains { $0.kind == .variable && $0.message.hasPrefix("variable $node") && $0.message.contains("flattened to all values") })
    }

    @Test func customOptionsWithKeyValuePairs() {
        #expect(TemplateVariable.splitList(#"a : 1, b\,c : 2 ,d"#) == ["a : 1", "b,c : 2", "d"])
        #expect(TemplateVariable.labelValuesLabel(#"label_values(node_uname_info{job="$job", x=~"a,b"}, instance)"#) == "instance")
        #expect(TemplateVariable.labelValuesLabel("label_values(job)") == "job")
        #expect(TemplateVariable.labelValuesLabel("query_result(up)") == nil)
    }
}
