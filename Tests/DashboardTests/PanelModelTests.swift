import Testing
import PromQL
import Terminal
import TimeSeries
@testable import Dashboard

@Suite struct PanelModelTests {
    func build(_ spec: PanelSpec, store: SeriesStore, window: TimeWindow = TimeWindow()) -> (PanelModel, Int) {
        let range = window.range(now: now)
        var runner = QueryRunner(evaluator: QueryEvaluator(engine: Engine(querier: store)), rangeCache: nil,
                                 start: range.lowerBound, end: range.upperBound, step: window.stepMs)
        let builder = PanelModelBuilder(window: window, range: range, catalog: store, filter: nil)
        let model = builder.build(spec, runner: &runner)
        return (model, runner.evaluations)
    }

    let queues = makeStore([
        (["__name__": "vigil_queue_depth", "system": "redis", "queue": "jobs"], { 400 + Double($0) }),
        (["__name__": "vigil_queue_in_rate", "system": "redis", "queue": "jobs"], { _ in 20 }),
        (["__name__": "vigil_queue_out_rate", "system": "redis", "queue": "jobs"], { _ in 21 }),
        (["__name__": "vigil_queue_consumers", "system": "redis", "queue": "jobs"], { _ in 3 }),
        (["__name__": "vigil_queue_depth", "system": "redis", "queue": "mail"], { 100 - Double($0) / 10 }),
        (["__name__": "vigil_queue_depth", "system": "redis", "queue": "idle"], { _ in 0 }),
    ], step: 5_000)

    @Test func queueDrainAndFillTimesFromTheTrend() throws {
        let spec = PanelSpec(title: "Queues", type: .queue, queries: [.init("vigil_queue_depth")], max: 1000)
        let (model, _) = build(spec, store: queues)
        guard case .queue(let q) = model.content else { Issue.record("not a queue model: \(model.content)"); return }
        let byName = Dictionary(uniqueKeysWithValues: q.rows.map { ($0.name, $0) })
        let jobs = try #require(byName["jobs"])
        #expect(jobs.depth == 400)
        #expect(abs((jobs.slopePerSecond ?? 0) + 1) < 1e-6)
        #expect(abs((jobs.drainSeconds ?? 0) - 400) < 1e-3)
        #expect(jobs.fullSeconds == nil)
        #expect(jobs.inRate == 20 && jobs.outRate == 21 && jobs.consumers == 3)
        #expect(jobs.outlook == "drains in 6.67m")
        let mail = try #require(byName["mail"])
        #expect(abs((mail.fullSeconds ?? 0) - 9000) < 1e-2)
        #expect(mail.outlook == "full in 2.5h")
        #expect(byName["idle"]?.outlook == "empty")
    }

    @Test func queuePanelRendersTheOutlook() {
        let d = DashboardSpec(title: "Q", rows: [.init(panels: [PanelSpec(title: "Queues", type: .queue,
                                                                         queries: [.init("vigil_queue_depth")], max: 1000)])])
        let app = makeApp([d], store: queues, width: 90, height: 8)
        let text = screen(app)
        #expect(text[2] == "|Queue                    Depth         In        Out  Cons     Trend Outlook            |")
        #expect(text[3] == "|idle                         0          –          –     –       0/s empty              |")
        #expect(text[4] == "|jobs                       400       20/s       21/s     3      -1/s drains in 6.67m    |")
        #expect(text[5] == "|mail                       100          –          –     –    +0.1/s full in 2.5h       |")
    }

    @Test func queueRowWithoutTrend() {
        let row = PanelModelBuilder.queueRow(name: "q", series: NamedSeries(name: "q", timestamps: [now], values: [5]), capacity: nil)
        #expect(row.slopePerSecond == nil && row.drainSeconds == nil)
        #expect(row.outlook == "–")
    }

    let histogram = makeStore([
        (["__name__": "http_request_duration_seconds_bucket", "le": "0.1"], { 10 * Double(3600 - $0) }),
        (["__name__": "http_request_duration_seconds_bucket", "le": "0.5"], { 15 * Double(3600 - $0) }),
        (["__name__": "http_request_duration_seconds_bucket", "le": "1"], { 19 * Double(3600 - $0) }),
        (["__name__": "http_request_duration_seconds_bucket", "le": "+Inf"], { 20 * Double(3600 - $0) }),
    ], step: 5_000, metadata: ["http_request_duration_seconds": MetricMetadata(type: .histogram)])

    @Test func latencyQuantilesAndHeatmapFromBuckets() throws {
        let spec = PanelSpec(title: "Latency", type: .latency, queries: [.init("http_request_duration_seconds")], quantiles: [0.5, 0.9])
        let (model, _) = build(spec, store: histogram)
        guard case .latency(let l) = model.content else { Issue.record("not latency: \(model.content)"); return }
        #expect(model.unit == .seconds)
        #expect(l.quantiles.series.map(\.name) == ["p50", "p90"])
        let p50 = try #require(l.quantiles.series[0].stats?.last)
        let p90 = try #require(l.quantiles.series[1].stats?.last)
        #expect(abs(p50 - 0.1) < 1e-6)
        #expect(abs(p90 - 0.875) < 1e-6)
        #expect(l.bucketBounds == [0.1, 0.5, 1, .infinity])
        let last = try #require(l.heatmapColumns.last)
        #expect(zip(last, [10.0, 5, 4, 1]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(l.showHeatmap && l.showQuantiles)
    }

    @Test func heatmapColumnsAreBucketDifferences() {
        let s = { (le: String, values: [Double]) in
            RangeSeries(labels: Labels(["le": le]), samples: values.enumerated().map { Sample(t: Int64($0.offset), v: $0.element) })
        }
        let h = PanelModelBuilder.heatmap([s("+Inf", [9, 12]), s("0.25", [3, 4]), s("1", [5, 10]), s("bad", [1, 1])])
        #expect(h.bounds == [0.25, 1, .infinity])
        #expect(h.columns == [[3, 2, 4], [4, 6, 2]])
        #expect(h.start == 0)
        let m = PanelRenderer.merged(h.columns + [[1, 1, 1]], stepMs: 5000, room: 2)
        #expect(m.columns == [[3.5, 4, 3], [1, 1, 1]])
        #expect(m.stepMs == 10_000)
    }

    @Test func tableSortsByEveryColumn() {
        let t = TableModel(rows: [
            .init(name: "b", stats: SeriesStats(last: 1, min: 0, max: 9, avg: 5)),
            .init(name: "a", stats: SeriesStats(last: 3, min: 2, max: 4, avg: 3)),
            .init(name: "c", stats: nil),
            .init(name: "d", stats: SeriesStats(last: 3, min: 1, max: 3, avg: 2)),
        ])
        #expect(t.sorted(by: .name, ascending: true).map(\.name) == ["a", "b", "c", "d"])
        #expect(t.sorted(by: .name, ascending: false).map(\.name) == ["d", "c", "b", "a"])
        #expect(t.sorted(by: .last, ascending: false).map(\.name) == ["a", "d", "b", "c"])
        #expect(t.sorted(by: .last, ascending: true).map(\.name) == ["b", "a", "d", "c"])
        #expect(t.sorted(by: .min, ascending: true).map(\.name) == ["b", "d", "a", "c"])
        #expect(t.sorted(by: .max, ascending: false).map(\.name) == ["b", "a", "d", "c"])
        #expect(t.sorted(by: .avg, ascending: true).map(\.name) == ["d", "a", "b", "c"])
    }

    @Test func tablePanelSortKeys() {
        let store = makeStore([(["__name__": "m", "k": "x"], { _ in 1 }), (["__name__": "m", "k": "y"], { _ in 5 }),
                               (["__name__": "m", "k": "z"], { _ in 3 })])
        let d = DashboardSpec(title: "T", rows: [.init(panels: [PanelSpec(title: "t", type: .table, queries: [.init("m")])])])
        var app = makeApp([d], store: store, width: 60, height: 8)
        func names() -> [String] { screen(app)[3...5].map { String($0.dropFirst().prefix(5)) } }
        #expect(names() == ["k=y  ", "k=z  ", "k=x  "])
        press(&app, [.char("O")])
        #expect(names() == ["k=x  ", "k=z  ", "k=y  "])
        press(&app, [.char("o"), .char("o"), .char("o"), .char("o")])
        #expect(app.tableSort(dashboard: 0, panel: PanelID(row: 0, column: 0)).column == .name)
        #expect(names() == ["k=x  ", "k=y  ", "k=z  "])
        #expect(screen(app)[2].hasPrefix("|Series^"))
    }

    @Test func panelsSharingAnExpressionShareOneEvaluation() {
        let store = makeStore([(["__name__": "temp"], { _ in 1 })])
        let d = DashboardSpec(title: "S", rows: [.init(panels: [
            PanelSpec(title: "a", type: .timeseries, queries: [.init("temp")]),
            PanelSpec(title: "b", type: .stat, queries: [.init("temp")]),
            PanelSpec(title: "c", type: .table, queries: [.init("sum(temp)")]),
            PanelSpec(title: "d", type: .gauge, queries: [.init("sum   (temp)")]),
        ])])
        let app = makeApp([d], store: store, width: 100, height: 20)
        #expect(app.models.count == 4)
        #expect(app.lastEvaluations == 2)
    }

    @Test func counterOnAThroughputPanelIsRated() throws {
        let store = makeStore([(["__name__": "requests_total", "code": "200"], { Double(3600 - $0) * 4 })], step: 5_000)
        let (model, _) = build(PanelSpec(title: "rps", type: .throughput, queries: [.init("requests_total")]), store: store)
        guard case .chart(let c) = model.content else { Issue.record("not a chart"); return }
        #expect(model.unit == .opsPerSecond)
        let last = try #require(c.series.first?.stats?.last)
        #expect(abs(last - 4) < 1e-9)
    }

    @Test func queryErrorsAreShownInThePanel() {
        let store = makeStore([])
        let (model, _) = build(PanelSpec(title: "bad", type: .timeseries, queries: [.init("rate(x[5m]")]), store: store)
        guard case .message(let text, let isError) = model.content else { Issue.record("no message"); return }
        #expect(isError)
        #expect(text.hasPrefix("1:"))
        #expect(text.contains("parse error"))
    }

    @Test func statColourFollowsThresholds() {
        let store = makeStore([(["__name__": "errors"], { _ in 7 })])
        let spec = PanelSpec(title: "Errors", type: .stat, queries: [.init("errors")],
                             thresholds: [.init(value: 5, color: .red), .init(value: 1, color: .yellow)])
        let d = DashboardSpec(title: "S", rows: [.init(panels: [spec])])
        var app = makeApp([d], store: store, width: 30, height: 10)
        app.colorLevel = .ansi16
        let buffer = app.snapshot(width: 30, height: 10)
        let text = lines(buffer)
        let row = text.firstIndex { $0.contains("7") } ?? 0
        let col = Array(text[row]).firstIndex(of: "7") ?? 0
        #expect(buffer[col, row].fg == .red)
        #expect(text[row + 1].contains("errors"))
    }

    @Test func seriesNamesDropCommonLabels() {
        let labels = [Labels(["__name__": "up", "job": "api", "instance": "a"]), Labels(["__name__": "up", "job": "api", "instance": "b"])]
        #expect(SeriesNaming.names(for: labels, template: nil, expr: "up") == ["instance=a", "instance=b"])
        #expect(SeriesNaming.names(for: labels, template: "{{job}}/{{ instance }}", expr: "up") == ["api/a", "api/b"])
        #expect(SeriesNaming.names(for: [Labels(["__name__": "up", "job": "x"])], template: nil, expr: "up") == ["up{job=x}"])
        #expect(SeriesNaming.names(for: [Labels.empty], template: nil, expr: "1 + 1") == ["1 + 1"])
        #expect(SeriesNaming.expand("{{a}} {{unclosed", Labels(["a": "1"])) == "1 {{unclosed")
    }
}
