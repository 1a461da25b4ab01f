import Config
@testable import GrafanaImport
import PromQL
import Testing

/// Units, thresholds, layout, data sources and malformed input.
@Suite struct ConversionTests {
    @Test(arguments: [
        (nil, PanelConfig.Unit.auto, 1.0, false),
        ("s", .seconds, 1, false),
        ("ms", .seconds, 1e-3, true),
        ("µs", .seconds, 1e-6, true),
        ("us", .seconds, 1e-6, true),
        ("ns", .seconds, 1e-9, true),
        ("bytes", .bytes, 1, false),
        ("decbytes", .bytesSI, 1, false),
        ("bits", .bytes, 0.125, true),
        ("percent", .percent, 1, false),
        ("percentunit", .percent, 100, true),
        ("ops", .ops, 1, false),
        ("reqps", .ops, 1, false),
        ("opm", .ops, 1.0 / 60, true),
        ("short", .count, 1, false),
        ("none", .count, 1, false),
        ("Bps", .bytesSI, 1, true),
        ("binBps", .bytes, 1, true),
        ("bps", .bytesSI, 0.125, true),
        ("celsius", .count, 1, true),
    ] as [(String?, PanelConfig.Unit, Double, Bool)])
    func units(_ id: String?, _ unit: PanelConfig.Unit, _ scale: Double, _ lossy: Bool) {
        let m = GrafanaUnit.map(id)
        #expect(m.unit == unit)
        #expect(m.scale == scale)
        #expect((m.note != nil) == lossy)
    }

    @Test func scaledUnitRescalesQueryRangeAndThresholds() throws {
        let fc = #"{"unit": "ms", "min": 0, "max": 2000, "thresholds": {"mode": "absolute", "steps": [{"color": "green", "value": null}, {"color": "red", "value": 500}]}}"#
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [Fixtures.panel(type: "stat", exprs: ["latency_ms"], fieldConfig: fc)]))
        let p = try #require(Fixtures.allPanels(r).first)
        #expect(p.queries.map(\.expr) == ["(latency_ms) / 1000"])
        #expect(p.unit == .seconds && p.min == 0 && p.max == 2)
        #expect(p.thresholds == [PanelConfig.Threshold(0.5, .red)])
        #expect(r.notes.contains { $0.kind == .lossy && $0.message.contains("ms") })
    }

    @Test(arguments: [
        ("green", PanelConfig.Color.green), ("dark-red", .red), ("semi-dark-orange", .orange), ("light-yellow", .yellow),
        ("super-light-blue", .blue), ("purple", .magenta), ("text", .white), ("#EAB839", .yellow), ("#299c46", .green),
        ("#d44a3a", .red), ("rgba(237, 129, 40, 0.89)", .orange), ("rgba(50, 172, 45, 0.97)", .green), ("#1F78C1", .blue),
        ("#808080", .gray), ("#fff", .white), ("#6ED0E0", .cyan), ("#BA43A9", .magenta),
    ])
    func colours(_ text: String, _ color: PanelConfig.Color) {
        #expect(GrafanaColor.map(text) == color)
    }

    @Test func unknownColourIsNil() {
        #expect(GrafanaColor.map("chartreuse-ish") == nil)
        #expect(GrafanaColor.map("#12") == nil)
    }

    @Test func thresholds() throws {
        let steps = ##"{"mode": "absolute", "steps": [{"color": "red", "value": null}, {"color": "#EAB839", "value": 10}, {"color": "green", "value": 50}, {"color": "weird", "value": 60}]}"##
        let pct = #"{"mode": "percentage", "steps": [{"color": "green", "value": null}, {"color": "orange", "value": 50}]}"#
        let offSeries = #"{"thresholds": {"steps": [{"color": "green", "value": null}, {"color": "red", "value": 80}]}, "custom": {"thresholdsStyle": {"mode": "off"}}}"#
        let lineSeries = #"{"thresholds": {"steps": [{"color": "green", "value": null}, {"color": "red", "value": 80}]}, "custom": {"thresholdsStyle": {"mode": "line"}}}"#
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [
            Fixtures.panel("abs", type: "gauge", fieldConfig: #"{"thresholds": \#(steps)}"#),
            Fixtures.panel("pct", type: "gauge", x: 12, fieldConfig: #"{"min": 0, "max": 200, "thresholds": \#(pct)}"#),
            Fixtures.panel("off", y: 8, fieldConfig: offSeries),
            Fixtures.panel("line", x: 12, y: 8, fieldConfig: lineSeries),
        ]))
        let byTitle = Dictionary(uniqueKeysWithValues: Fixtures.allPanels(r).map { ($0.title, $0) })
        #expect(byTitle["abs"]?.thresholds == [PanelConfig.Threshold(10, .yellow), PanelConfig.Threshold(50, .green)])
        #expect(byTitle["pct"]?.thresholds == [PanelConfig.Threshold(100, .orange)])
        #expect(byTitle["off"]?.thresholds == [])
        #expect(byTitle["line"]?.thresholds == [PanelConfig.Threshold(80, .red)])
        #expect(r.notes.contains { $0.panel == "abs" && $0.message.contains("weird") })
        #expect(r.notes.contains { $0.panel == "abs" && $0.message.contains("base colour red") })
    }

    @Test func gridPosBands() throws {
        // A tall panel with two stacked beside it, then a full-width band, then a row.
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [
            Fixtures.panel("tall", x: 0, y: 0, w: 12, h: 8),
            Fixtures.panel("top", x: 12, y: 0, w: 12, h: 4),
            Fixtures.panel("bottom", x: 12, y: 4, w: 12, h: 4),
            Fixtures.panel("wide", x: 0, y: 8, w: 24, h: 6),
            #"{"type": "row", "title": "More", "collapsed": true, "gridPos": {"x":0,"y":14,"w":24,"h":1}, "panels": ["# +
                Fixtures.panel("r1", x: 0, y: 15, w: 8, h: 5) + "," + Fixtures.panel("r2", x: 8, y: 15, w: 16, h: 5) + "]}",
        ]))
        let rows = r.dashboard.rows
        #expect(rows.map { $0.panels.map(\.title) } == [["tall", "top", "bottom"], ["wide"], ["r1", "r2"]])
        #expect(rows.map(\.height) == [8, 6, 5])
        #expect(rows.map(\.minHeight) == [8, 6, 5])
        #expect(rows[2].panels.map(\.width) == [8, 16])
        #expect(r.sections.map(\.title) == [nil, "More"])
        #expect(r.sections.map(\.rows) == [0..<2, 2..<3])
        #expect(r.sections[1].collapsed)
        #expect(r.yaml.contains("# Grafana row \"More\" (collapsed in Grafana)"))
    }

    @Test func panelsOutOfOrderAreSortedByPosition() throws {
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [
            Fixtures.panel("second", x: 0, y: 10, w: 24, h: 4),
            Fixtures.panel("first-right", x: 12, y: 0, w: 12, h: 4),
            Fixtures.panel("first-left", x: 0, y: 0, w: 12, h: 4),
        ]))
        #expect(r.dashboard.rows.map { $0.panels.map(\.title) } == [["first-left", "first-right"], ["second"]])
    }

    @Test func legacyRowsAndGraphPanels() throws {
        let json = """
        {"title": "Old", "rows": [
          {"title": "Row A", "showTitle": true, "height": "300px", "panels": [
            {"title": "G", "type": "graph", "span": 6, "stack": true, "yaxes": [{"format": "bytes", "logBase": 2, "min": "0"}, {}],
             "thresholds": [{"value": 90, "colorMode": "critical", "op": "gt"}],
             "targets": [{"expr": "node_memory_MemFree_bytes", "legendFormat": "{{instance}}"}]},
            {"title": "S", "type": "singlestat", "span": 6, "format": "percentunit", "thresholds": "0.5,0.8",
             "colors": ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"], "targets": [{"expr": "x_ratio"}]}]}]}
        """
        let r = try Fixtures.convert(json)
        #expect(r.sections.map(\.title) == ["Row A"])
        let g = try #require(Fixtures.allPanels(r).first { $0.title == "G" })
        #expect(g.type == .timeseries && g.unit == .bytes && g.stacked && g.log && g.min == nil && g.width == 12)
        #expect(g.thresholds == [PanelConfig.Threshold(90, .red)])
        let s = try #require(Fixtures.allPanels(r).first { $0.title == "S" })
        #expect(s.type == .stat && s.unit == .percent && s.queries.map(\.expr) == ["(x_ratio) * 100"])
        #expect(s.thresholds == [PanelConfig.Threshold(50, .orange), PanelConfig.Threshold(80, .red)])
        #expect(r.dashboard.rows.first?.height == 10)
        #expect(try ConfigLoader.parse(text: r.yaml, file: "x.yml").dashboards == [r.dashboard])
    }

    @Test func noPrometheusPanels() throws {
        let json = """
        {"title": "Logs", "__requires": [{"type": "datasource", "id": "loki"}], "panels": [
          {"title": "L", "type": "logs", "datasource": {"type": "loki", "uid": "x"}, "gridPos": {"x":0,"y":0,"w":24,"h":8}, "targets": [{"expr": "{job=\\"a\\"}"}]},
          {"title": "T", "type": "timeseries", "datasource": {"type": "loki", "uid": "x"}, "gridPos": {"x":0,"y":8,"w":24,"h":8}, "targets": [{"expr": "rate({job=\\"a\\"}[1m])"}]},
          {"title": "D", "type": "timeseries", "datasource": null, "gridPos": {"x":0,"y":16,"w":24,"h":8}, "targets": [{"expr": "sum(rate({job=\\"a\\"}[1m]))"}]}
        ]}
        """
        let r = try Fixtures.convert(json)
        #expect(r.panelCount == 0 && r.sourcePanelCount == 3)
        #expect(r.dashboard.rows.isEmpty)
        #expect(r.notes.filter { $0.kind == .panelDropped }.map(\.panel) == ["L", "T", "D"])
        #expect(r.notes.contains { $0.panel == "T" && $0.message.contains("loki") })
        let config = try ConfigLoader.parse(text: r.yaml, file: "x.yml")
        #expect(config.dashboards == [r.dashboard])
    }

    @Test func mixedDataSourcesAndBadQueries() throws {
        let panel = """
        {"title": "M", "type": "timeseries", "datasource": {"type": "datasource", "uid": "-- Mixed --"}, "gridPos": {"x":0,"y":0,"w":24,"h":8},
         "targets": [{"refId": "A", "expr": "up", "datasource": {"type": "prometheus", "uid": "p"}},
                     {"refId": "B", "expr": "{job=\\"a\\"} |= \\"x\\"", "datasource": {"type": "loki", "uid": "l"}},
                     {"refId": "C", "expr": "sum(rate(x[5m])", "datasource": {"type": "prometheus", "uid": "p"}},
                     {"refId": "D", "expr": "up", "hide": true}]}
        """
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [panel, Fixtures.panel("text", type: "text", y: 8, extra: #", "options": {"mode": "html", "content": "<b>Hi</b> there"}"#)]))
        let panels = Fixtures.allPanels(r)
        #expect(panels.map(\.title) == ["M", "text"])
        #expect(panels[0].queries.map(\.expr) == ["up"])
        #expect(panels[1].text == "Hi there")
        let dropped = r.notes.filter { $0.kind == .queryDropped }.map(\.message)
        #expect(dropped.count == 2)
        #expect(dropped.contains { $0.hasPrefix("query B") && $0.contains("loki") })
        #expect(dropped.contains { $0.hasPrefix("query C does not parse as PromQL: 1:") })
        #expect(r.notes.contains { $0.message.contains("query D is hidden") })
    }

    @Test func unsupportedPanelTypeIsListed() throws {
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [Fixtures.panel("pie", type: "piechart")]))
        #expect(r.panelCount == 0)
        #expect(r.notes.map(\.description) == [#"panel "pie": panel not converted: panel type "piechart" has no Vigil equivalent"#])
    }

    @Test func libraryPanelIsListed() throws {
        let panel = #"{"title": "Lib", "type": "timeseries", "gridPos": {"x":0,"y":0,"w":24,"h":8}, "libraryPanel": {"uid": "u1", "name": "Shared CPU"}}"#
        let r = try Fixtures.convert(Fixtures.dashboard(panels: [panel]))
        #expect(r.panelCount == 0)
        #expect(r.notes.first?.message.contains("library panel \"Shared CPU\"") == true)
    }

    @Test func apiExportIsUnwrapped() throws {
        let r = try Fixtures.convert(#"{"meta": {"slug": "x"}, "dashboard": \#(Fixtures.dashboard(panels: [Fixtures.panel()]))}"#)
        #expect(r.panelCount == 1)
        #expect(r.dashboard.title == "Test")
    }

    @Test(arguments: [
        ("", "the input is empty", 1, 1),
        ("[1, 2]", "expected a JSON object (a Grafana dashboard), found a list", nil, nil),
        ("{\"panels\": [1, 2,, 3]}", "unexpected character ','", 1, 18),
        ("{\"title\": \"x\",\n \"panels\": tru}", "invalid literal: expected \"true\"", 2, 12),
        ("{\"title\": \"x\"\n \"panels\": []}", "expected ',' or '}'", 2, 2),
        ("{\"panels\": [}", "unexpected character '}'", 1, 13),
        ("{\"a\": \"\\x\"}", "invalid escape sequence", 1, 8),
        ("{\"a\": 01}", "leading zero", 1, 7),
        ("{\"a\": \"x", "unterminated string", 1, 7),
        ("{\"title\": \"x\"}", "no \"panels\"", nil, nil),
        ("{\"panels\": \"nope\"}", "\"panels\" must be a list, found a string", nil, nil),
        ("{} x", "after the end of the JSON value", 1, 4),
        (String(repeating: "[", count: 10_000), "nested more than", 1, 201),
    ] as [(String, String, Int?, Int?)])
    func malformedJSON(_ input: String, _ message: String, _ line: Int?, _ column: Int?) {
        do {
            _ = try GrafanaImporter.convert(text: input)
            Issue.record("expected an error for \(input.prefix(40))")
        } catch {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.line == line && error.column == column, "\(error)")
        }
    }

    @Test func jsonStringsAndNumbers() throws {
        let v = try JSONReader.parse(Array(#"{"s": "a\u00e9\ud83d\ude00\n\"", "n": -1.5e3, "b": [true, false, null]}"#.utf8))
        #expect(v["s"]?.string == "aé😀\n\"")
        #expect(v["n"]?.number == -1500)
        #expect(v["b"] == .array([.bool(true), .bool(false), .null]))
        #expect(throws: GrafanaImportError.self) { try JSONReader.parse(Array(#"{"s": "\ud83d"}"#.utf8)) }
        #expect(throws: GrafanaImportError.self) { try JSONReader.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func inputSizeLimit() {
        var options = GrafanaImportOptions()
        options.maxInputBytes = 10
        #expect(throws: GrafanaImportError.self) { try GrafanaImporter.convert(text: Fixtures.dashboard(panels: []), options: options) }
    }
}
