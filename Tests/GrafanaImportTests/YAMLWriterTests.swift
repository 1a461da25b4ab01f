import Config
import Testing

/// `DashboardConfig.yaml()` writes text `ConfigLoader.parse` reads back to the same dashboard,
/// whatever the titles, queries and numbers hold.
@Suite struct YAMLWriterTests {
    @Test(arguments: [
        "plain title", "true", "null", "123", "-5", ".5", "key: value", "# not a comment", "- item", "a  b", " lead", "trail ",
        "it's", "say \"hi\"", "tab\there", "line\nbreak", "ends with newline\n", "\nstarts", "bell\u{7}", "émoji 😀", "{x}", "[y]",
        "*alias", "&anchor", "!tag", "%dir", "@at", "`tick", "|", ">", "?", "",
        "  (\n    sum(x)\n  )", "a\n\nb", "a\n   \nb", "x  \ny", "multi\nline ", "two  ", "x\u{2028}y", "\u{FEFF}bom",
    ])
    func stringsRoundTrip(_ s: String) throws {
        var panel = PanelConfig(s.isEmpty ? "t" : s, type: .timeseries, queries: [PanelConfig.Query(s.isEmpty ? "up" : s, legend: s)])
        panel.width = 3
        let text = PanelConfig("text", type: .text, text: s)
        let dashboard = DashboardConfig(s.isEmpty ? "d" : s, rows: [DashboardConfig.Row([panel, text])])
        let yaml = dashboard.yaml(comments: DashboardConfig.YAMLComments(header: ["header: \(s)"], rows: [0: [s]], panels: [0: [1: [s]]]))
        let config = try ConfigLoader.parse(text: yaml, file: "w.yml")
        #expect(config.dashboards == [dashboard], "\(yaml)")
    }

    @Test func numbersAndOptions() throws {
        var p = PanelConfig("n", type: .gauge, queries: [PanelConfig.Query("up")])
        p.min = 1e-5
        p.max = 123456.789
        p.log = true
        p.stacked = true
        p.unit = .bytesSI
        p.thresholds = [PanelConfig.Threshold(0.1, .yellow), PanelConfig.Threshold(1e20, .red)]
        p.quantiles = [0.5, 0.99]
        p.width = 2.5
        p.minWidth = 10
        let d = DashboardConfig("n", rows: [DashboardConfig.Row([p], height: 0.25, minHeight: 3), DashboardConfig.Row([])])
        let config = try ConfigLoader.parse(text: d.yaml(), file: "w.yml")
        #expect(config.dashboards == [d])
    }

    @Test func emptyDashboard() throws {
        let d = DashboardConfig("empty", rows: [])
        #expect(try ConfigLoader.parse(text: d.yaml(), file: "w.yml").dashboards == [d])
    }
}
