import Testing
@testable import Terminal

@Suite struct WidgetTests {
    @Test func blockDrawsBorderAndTitlesInsideItsArea() {
        let lines = rendered(Block(title: "CPU", rightTitle: "5m"), width: 12, height: 5, area: Rect(x: 1, y: 1, width: 10, height: 3))
        #expect(lines == [
            "············",
            "·╭ C…─ 5m ╮·",
            "·│········│·",
            "·╰────────╯·",
            "············",
        ])
        let wide = rendered(Block(title: "Latency p99", lines: .ascii), width: 20, height: 3, area: Rect(x: 0, y: 0, width: 20, height: 3))
        #expect(wide == ["+ Latency p99 -----+", "|··················|", "+------------------+"])
        #expect(Block(title: "x").inner(Rect(x: 0, y: 0, width: 10, height: 5)) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(Block(title: "x", borders: false).inner(Rect(x: 0, y: 0, width: 10, height: 5)) == Rect(x: 0, y: 1, width: 10, height: 4))
    }

    @Test func blockFocusedStyleAndHostileTitle() {
        var b = Buffer(width: 12, height: 3)
        Block(title: "\u{1B}]52;c;AAAA\u{07}ok\u{202E}", focused: true).render(area: b.area, buffer: &b)
        #expect(b.plainText().split(separator: "\n")[0] == "╭ ok ──────╮")
        #expect(b[0, 0].fg == .cyan)
        #expect(b[2, 0].attributes.contains(.bold))
    }

    @Test func paragraphWrapsWordsAndWideCharacters() {
        let lines = rendered(Paragraph(text: "hello wide 世界 world and more"), width: 12, height: 3,
                             area: Rect(x: 1, y: 0, width: 10, height: 3))
        #expect(lines == ["·hello wide·", "·世界 world·", "·and more  ·"])
        let scrolled = rendered(Paragraph(text: "one\ntwo\nthree", wrap: false, scroll: 1), width: 7, height: 3,
                                area: Rect(x: 1, y: 1, width: 5, height: 2))
        #expect(scrolled == ["·······", "·two  ·", "·three·"])
        let cut = rendered(Paragraph(text: "abcdefgh", alignment: .right, wrap: false), width: 6, height: 1,
                           area: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(cut == ["·abcd·"])
        #expect(Paragraph.wrap(Line("abcdefghij"), width: 4).map { $0.spans.map(\.text).joined() } == ["abcd", "efgh", "ij"])
    }

    @Test func sparklineBlockAndBraille() {
        let block = rendered(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8), width: 10, height: 3,
                             area: Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(block == ["··········", "·    ▂▄▆█·", "·▂▄▆█████·"])
        let braille = rendered(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8], max: 8, symbols: .braille), width: 10, height: 3,
                               area: Rect(x: 1, y: 1, width: 8, height: 1))
        #expect(braille == ["··········", "·    ⣀⣤⣶⣿·", "··········"])
        let gap = rendered(Sparkline(values: [8, .nan, 8], max: 8, symbols: .ascii), width: 5, height: 1,
                           area: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(gap == ["·# #·"])
    }

    @Test func gaugeFillsWithEighthsAndCentresTheLabel() {
        let lines = rendered(Gauge(ratio: 0.55), width: 12, height: 3, area: Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(lines == ["············", "·███55%    ·", "············"])
        var b = Buffer(width: 10, height: 1)
        Gauge(ratio: 0.5, label: "").render(area: b.area, buffer: &b)
        #expect(b.plainText() == "█████")
        Gauge(ratio: 0.25, label: "", symbols: .block).render(area: Rect(x: 0, y: 0, width: 3, height: 1), buffer: &b)
        #expect(b.plainText().hasPrefix("▊  "))
        var label = Buffer(width: 6, height: 1)
        Gauge(ratio: 1, label: "ok").render(area: label.area, buffer: &label)
        #expect(label[2, 0].symbol == "o" && label[2, 0].attributes.contains(.reverse))
    }

    @Test func barGaugeRowsWithThresholdColours() {
        let widget = BarGauge(items: [.init(label: "redis", value: 40), .init(label: "kafka", value: 100)],
                              thresholds: [(value: 80, color: .red)])
        let lines = rendered(widget, width: 24, height: 4, area: Rect(x: 1, y: 1, width: 22, height: 2))
        #expect(lines == ["························", "·redis ████▊         40·", "·kafka ████████████ 100·", "························"])
        var b = Buffer(width: 24, height: 4)
        widget.render(area: Rect(x: 1, y: 1, width: 22, height: 2), buffer: &b)
        #expect(b[7, 1].fg == .green)
        #expect(b[7, 2].fg == .red)
    }

    @Test func tableHeaderSortSelectionAndScrolling() {
        let table = Table(columns: [.init("name"), .init("value", width: .length(6), alignment: .right)],
                          rows: [["a", "1"], ["b", "22"], ["c", "333"]], selected: 2, sortColumn: 1)
        let lines = rendered(table, width: 24, height: 5, area: Rect(x: 1, y: 0, width: 22, height: 4))
        #expect(lines == [
            "·  name          value▲·",
            "·  a                  1·",
            "·  b                 22·",
            "·▶ c                333·",
            "························",
        ])
        // Two visible rows: the selection scrolls into view.
        let scrolled = rendered(table, width: 24, height: 3, area: Rect(x: 1, y: 0, width: 22, height: 3))
        #expect(scrolled == ["·  name          value▲·", "·  b                 22·", "·▶ c                333·"])
        var b = Buffer(width: 24, height: 5)
        table.render(area: Rect(x: 1, y: 0, width: 22, height: 4), buffer: &b)
        #expect(b[5, 3].attributes.contains(.reverse))
        #expect(!b[5, 2].attributes.contains(.reverse))
        #expect(Table.scrollOffset(selected: 9, offset: 0, rowCount: 10, visible: 3) == 7)
        #expect(Table.scrollOffset(selected: 0, offset: 5, rowCount: 10, visible: 3) == 0)
        #expect(Table.scrollOffset(selected: nil, offset: 50, rowCount: 10, visible: 3) == 7)
        let ascii = Table(columns: [.init("n")], rows: [["x"]], sortColumn: 0, sortAscending: false, symbols: .ascii)
        #expect(rendered(ascii, width: 4, height: 2, area: Rect(x: 0, y: 0, width: 4, height: 2)) == ["nv", "x"])
    }

    @Test func tabsKeepTheSelectedTabVisible() {
        let lines = rendered(Tabs(titles: ["Overview", "Queues", "Alerts"], selected: 1), width: 24, height: 2,
                             area: Rect(x: 1, y: 0, width: 22, height: 1))
        #expect(lines == ["· Overview │ Queues │ A·", "························"])
        let scrolled = rendered(Tabs(titles: ["Overview", "Queues", "Alerts"], selected: 2), width: 20, height: 1,
                                area: Rect(x: 0, y: 0, width: 20, height: 1))
        #expect(scrolled == [" Queues │ Alerts"])
    }

    @Test func statusBarCutsTheLeftPartForTheRight() {
        let lines = rendered(StatusBar(left: [Span("vigil "), Span("3 targets up, 1 down")], right: [Span("12:00:01")]),
                             width: 30, height: 2, area: Rect(x: 1, y: 0, width: 28, height: 1))
        #expect(lines == ["·vigil 3 targets up… 12:00:01·", "······························"])
        let fits = rendered(StatusBar(left: [Span("ok")], right: [Span("r")]), width: 8, height: 1, area: Rect(x: 0, y: 0, width: 8, height: 1))
        #expect(fits == ["ok     r"])
    }

    @Test func hintBarDropsWholeHints() {
        let lines = rendered(HintBar(hints: [.init("q", "Quit"), .init("/", "Filter"), .init("?", "Help"), .init("t", "Theme")]),
                             width: 30, height: 2, area: Rect(x: 1, y: 0, width: 28, height: 1))
        #expect(lines == ["·q Quit  / Filter  ? Help    ·", "······························"])
    }

    @Test func listScrollsToTheSelection() {
        let lines = rendered(List(strings: ["one", "two", "three", "four"], selected: 3), width: 14, height: 4,
                             area: Rect(x: 1, y: 0, width: 12, height: 3))
        #expect(lines == ["·  two       ·", "·  three     ·", "·▶ four      ·", "··············"])
    }

    @Test func heatmapShadesByCount() {
        let heat = Heatmap(columns: [[0, 1, 0], [0, 10, 100], [5, 0, 0]], bucketBounds: [0.1, 1, .infinity],
                           logCounts: false, showAxes: false)
        let lines = rendered(heat, width: 5, height: 5, area: Rect(x: 1, y: 1, width: 3, height: 3))
        #expect(lines == ["·····", "· █ ·", "·░░ ·", "·  ░·", "·····"])
        var b = Buffer(width: 5, height: 5)
        heat.render(area: Rect(x: 1, y: 1, width: 3, height: 3), buffer: &b)
        #expect(b[2, 1].fg == .red)
        #expect(b[2, 2].fg == .blue)
    }

    @Test func heatmapAxes() {
        let t0: Int64 = 1_700_000_000_000
        let heat = Heatmap(columns: (0..<40).map { c in (0..<6).map { Double(($0 * 7 + c) % 9) } },
                           bucketBounds: [0.005, 0.01, 0.05, 0.1, 0.5, .infinity], startMs: t0)
        let lines = rendered(heat, width: 40, height: 8, area: Rect(x: 1, y: 1, width: 38, height: 6))
        #expect(lines[1].hasPrefix("· +Inf "))
        #expect(lines[5].hasPrefix("·  5ms "))
        #expect(lines[6] == "·      22:16   22:18   22:20   22:22   ·")
    }

    @Test func barChartValuesAndLabels() {
        let chart = BarChart(bars: [.init(label: "a", value: 3), .init(label: "b", value: 10), .init(label: "c", value: 0)])
        let lines = rendered(chart, width: 30, height: 8, area: Rect(x: 1, y: 1, width: 28, height: 6))
        #expect(lines == [
            "······························",
            "·    10                      ·",
            "·    ███                     ·",
            "· 3  ███                     ·",
            "·▂▂▂ ███                     ·",
            "·███ ███  0                  ·",
            "· a   b   c                  ·",
            "······························",
        ])
    }

    /// Every widget, in zero-size, one-cell and thin areas, paints nothing outside its area and does
    /// not crash.
    static var allWidgets: [(String, any Widget)] {
        let t0: Int64 = 1_700_000_000_000
        let series = ChartSeries(name: "s", timestamps: [t0, t0 + 15_000, t0 + 30_000], values: [1, 2, 3], color: .red)
        return [
            ("block", Block(title: "title", rightTitle: "r")),
            ("paragraph", Paragraph(text: "some 世界 text")),
            ("sparkline", Sparkline(values: [1, 2, 3], symbols: .braille)),
            ("gauge", Gauge(ratio: 0.5)),
            ("bargauge", BarGauge(items: [.init(label: "a", value: 1)])),
            ("table", Table(columns: [.init("a"), .init("b")], rows: [["1", "2"]], selected: 0, sortColumn: 0)),
            ("tabs", Tabs(titles: ["a", "b"], selected: 1)),
            ("statusbar", StatusBar(left: [Span("left")], right: [Span("right")])),
            ("hintbar", HintBar(hints: [.init("q", "Quit")])),
            ("list", List(strings: ["a", "b"], selected: 1)),
            ("chart", Chart(series: [series], thresholds: [ChartThreshold(value: 2, color: .yellow)])),
            ("chart-ascii", Chart(series: [series], symbols: .ascii, logScale: true, stacked: true)),
            ("heatmap", Heatmap(columns: [[1, 2], [3, 4]], bucketBounds: [1, .infinity], startMs: t0)),
            ("barchart", BarChart(bars: [.init(label: "x", value: 1)])),
            ("clear", Clear()),
        ]
    }

    @Test(arguments: [
        Rect(x: 2, y: 2, width: 0, height: 0), Rect(x: 2, y: 2, width: 0, height: 3), Rect(x: 2, y: 2, width: 3, height: 0),
        Rect(x: 2, y: 2, width: 1, height: 1), Rect(x: 1, y: 1, width: 1, height: 4), Rect(x: 1, y: 1, width: 7, height: 1),
        Rect(x: 1, y: 1, width: 2, height: 2), Rect(x: 3, y: 3, width: 9, height: 9), Rect(x: -2, y: -2, width: 4, height: 4),
    ])
    func tinyAreasStayInside(area: Rect) {
        for (name, widget) in Self.allWidgets {
            #expect(untouchedOutside(widget, width: 8, height: 6, area: area), "\(name) painted outside \(area)")
        }
    }

    @Test func oneCellAreas() {
        for (name, widget) in Self.allWidgets {
            let lines = rendered(widget, width: 3, height: 3, area: Rect(x: 1, y: 1, width: 1, height: 1))
            #expect(lines[0] == "···" && lines[2] == "···", "\(name)")
            #expect(lines[1].hasPrefix("·") && lines[1].count <= 3, "\(name)")
        }
    }
}
