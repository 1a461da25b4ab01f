import Testing
import Config
import TimeSeries
@testable import Dashboard

@Suite struct BuilderTests {
    @Test func overviewFromHostQueueAndTargetMetrics() {
        let names: Set<String> = ["node_cpu_seconds_total", "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes",
                                  "node_load1", "node_load5", "node_network_receive_bytes_total", "node_disk_read_bytes_total",
                                  "vigil_queue_depth", "up", "scrape_duration_seconds", "api_latency_seconds_bucket"]
        let d = DashboardBuilder.overview(metricNames: names, metadata: ["api_latency_seconds": MetricMetadata(type: .histogram)])
        let titles = d.rows.map { $0.panels.map(\.title) }
        #expect(titles == [["CPU busy", "Memory used", "Load"], ["Network", "Disk I/O"], ["Queues"], ["api_latency_seconds"],
                           ["Targets", "Poll duration"]])
        #expect(d.rows[0].panels[2].queries.map(\.expr) == ["node_load1", "node_load5"])
        #expect(d.rows[2].panels[0].type == .queue)
        #expect(d.rows[3].panels[0].type == .latency)
    }

    @Test func overviewWithNothingKnown() {
        let d = DashboardBuilder.overview(metricNames: ["foo_total", "bar"], metadata: [:])
        #expect(d.rows.map { $0.panels.map(\.title) } == [["bar", "rate(foo_total[1m])"]])
        let empty = DashboardBuilder.overview(metricNames: [], metadata: [:])
        #expect(empty.rows[0].panels[0].type == .text)
    }

    @Test func appWithoutConfigOpensOnTheOverviewAndRebuildsIt() {
        let store = makeStore([(["__name__": "up", "job": "a"], { _ in 1 })])
        var app = makeApp([], store: store)
        #expect(app.generatedOverview)
        #expect(app.dashboards[0].rows.map { $0.panels.map(\.title) } == [["Targets"]])
        let ref = store.getOrCreate(Labels(["__name__": "vigil_queue_depth", "queue": "q"]))
        store.append(ref, now + 20_000, 5)
        app.tick(now: now + 20_000)
        #expect(app.dashboards[0].rows.map { $0.panels.map(\.title) } == [["Queues"], ["Targets"]])
    }

    @Test func exploreEntriesGroupFamilies() {
        let series = [Labels(["__name__": "lat_bucket", "le": "1"]), Labels(["__name__": "lat_bucket", "le": "+Inf"]),
                      Labels(["__name__": "lat_sum"]), Labels(["__name__": "lat_count"]), Labels(["__name__": "jobs_total"]),
                      Labels(["__name__": "x_count"])]
        let entries = ExploreEntry.entries(series: series, metadata: ["lat": MetricMetadata(type: .histogram, help: "Latency.")])
        #expect(entries.map(\.name) == ["jobs_total", "lat", "x_count"])
        #expect(entries.map(\.type) == [.counter, .histogram, .unknown])
        #expect(entries[1].seriesCount == 4)
        #expect(ExploreEntry.search(entries, "LAT").map(\.name) == ["lat"])
        #expect(ExploreEntry.search(entries, "latency").map(\.name) == ["lat"])
        #expect(ExploreEntry.search(entries, "count").map(\.name) == ["x_count"])
        #expect(ExploreEntry.search(entries, "").count == 3)
        #expect(ExploreEntry.search(entries, "nothing").isEmpty)
    }

    @Test func alertThresholdsFromRules() {
        #expect(AlertThreshold.extract(fromRule: "rate(errors_total[5m]) > 0.5") == AlertThreshold(expr: "rate(errors_total[5m])", value: 0.5))
        #expect(AlertThreshold.extract(fromRule: "(10 <= queue_depth)") == AlertThreshold(expr: "queue_depth", value: 10))
        #expect(AlertThreshold.extract(fromRule: "up") == nil)
        #expect(AlertThreshold.extract(fromRule: "a > b") == nil)
        #expect(AlertThreshold.extract(fromRule: "a + 1") == nil)
    }

    @Test func alertThresholdIsDrawnOnTheMatchingPanel() {
        let store = makeStore([(["__name__": "queue_depth"], { _ in 5 })])
        let d = DashboardSpec(title: "D", rows: [.init(panels: [PanelSpec(title: "q", type: .timeseries, queries: [.init("queue_depth")])])])
        var app = DashboardApp(dashboards: [d], evaluator: .init(engine: .init(querier: store)), catalog: store, now: now)
        app.alertThresholds = [AlertThreshold.extract(fromRule: "queue_depth >= 10")].compactMap { $0 }
        app.tick(now: now)
        guard case .chart(let c)? = app.models[PanelID(row: 0, column: 0)]?.content else { Issue.record("no chart"); return }
        #expect(c.thresholds.map(\.value) == [10])
        #expect(c.thresholds.first?.tone == .alert)
    }

    @Test func configDashboardsConvert() throws {
        let yaml = """
        dashboards:
          - title: Main
            rows:
              - height: 2
                min_height: 9
                panels:
                  - title: Requests
                    type: throughput
                    queries:
                      - {expr: 'http_requests_total', legend: '{{code}}'}
                    unit: ops
                    stacked: true
                    thresholds: [{value: 0.5, color: orange}]
                    width: 3
                    min_width: 30
                  - {title: Notes, type: text, text: hello}
        """
        let config = try ConfigLoader.parse(text: yaml, file: "c.yml")
        let specs = config.dashboards.map(DashboardSpec.init)
        #expect(specs.count == 1)
        let row = try #require(specs.first?.rows.first)
        #expect(row.height == 2 && row.minHeight == 9)
        let p = row.panels[0]
        #expect(p.title == "Requests" && p.type == .throughput && p.unit == .ops && p.stacked)
        #expect(p.queries == [PanelSpec.Query("http_requests_total", legend: "{{code}}")])
        #expect(p.thresholds == [PanelSpec.Threshold(value: 0.5, color: .orange)])
        #expect(p.width == 3 && p.effectiveMinWidth == 30)
        #expect(row.panels[1].text == "hello")
        #expect(PanelSpec(title: "t", type: .latency).effectiveQuantiles == [0.5, 0.9, 0.99])
    }
}
