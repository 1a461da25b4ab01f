import Testing
@testable import Terminal

@Suite struct ChartTests {
    let t0: Int64 = 1_700_000_000_000

    func series(_ values: [Double], step: Int64 = 1000, color: Color = .red, name: String = "s") -> ChartSeries {
        ChartSeries(name: name, timestamps: values.indices.map { t0 + Int64($0) * step }, values: values, color: color)
    }

    func bare(_ s: [ChartSeries], symbols: SymbolSet = .ascii, yMin: Double? = 0, yMax: Double? = 1,
              thresholds: [ChartThreshold] = [], timeRange: ClosedRange<Int64>? = nil, stacked: Bool = false) -> Chart {
        Chart(series: s, symbols: symbols, timeRange: timeRange, yMin: yMin, yMax: yMax, stacked: stacked,
              thresholds: thresholds, legend: .none, showAxes: false)
    }

    @Test func nanLeavesAGap() {
        let s = series([1, 1, 1, 1, .nan, 1, 1, 1, 1, 1])
        let lines = rendered(bare([s]), width: 12, height: 3, area: Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(lines == ["············", "·'''' '''''·", "············"])
    }

    @Test func absentSamplesLeaveAGap() {
        // Samples at 0...4 s and 8...9 s: the 4 s hole is wider than 1.5 × the 1 s step.
        let ts = [0, 1, 2, 3, 4, 8, 9].map { t0 + Int64($0) * 1000 }
        let s = ChartSeries(name: "s", timestamps: ts, values: ts.map { _ in 0 }, color: .red)
        let lines = rendered(bare([s], timeRange: t0...(t0 + 9000)), width: 12, height: 1, area: Rect(x: 1, y: 0, width: 10, height: 1))
        #expect(lines == ["·.....   ..·"])
        // With an explicit larger maxGap the hole is bridged.
        var joined = bare([s], timeRange: t0...(t0 + 9000))
        joined.maxGap = 10_000
        #expect(rendered(joined, width: 12, height: 1, area: Rect(x: 1, y: 0, width: 10, height: 1)) == ["·..........·"])
    }

    @Test func staleMarkerBreaksTheLine() {
        let stale = Double(bitPattern: 0x7FF0_0000_0000_0002)
        let s = series([0, 0, stale, 0, 0])
        let lines = rendered(bare([s]), width: 7, height: 1, area: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(lines == ["·.. ..·"])
    }

    @Test func thresholdIsADashedLine() {
        let lines = rendered(bare([], thresholds: [ChartThreshold(value: 1, color: .yellow)], timeRange: t0...(t0 + 9000)),
                             width: 12, height: 2, area: Rect(x: 1, y: 0, width: 10, height: 2))
        #expect(lines == ["·''  ''  ''·", "·          ·"])
        var b = Buffer(width: 12, height: 2)
        bare([], thresholds: [ChartThreshold(value: 1, color: .yellow)], timeRange: t0...(t0 + 9000))
            .render(area: Rect(x: 1, y: 0, width: 10, height: 2), buffer: &b)
        #expect(b[1, 0].fg == .yellow)
    }

    @Test func brailleLineDiagonal() {
        // A rising line over 2 cells × 1 row: 4 × 4 dots.
        let s = series([0, 1, 2, 3], step: 1000)
        let lines = rendered(bare([s], symbols: .braille, yMin: 0, yMax: 3), width: 4, height: 1, area: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(lines == ["·⡠⠊·"])
    }

    /// Absurd ends (far outside, or where clipping's rounding error is large) draw inside or nothing,
    /// never outside the grid.
    @Test(arguments: [SymbolSet.braille, .block, .ascii])
    func absurdLinesStayOnTheGrid(_ symbols: SymbolSet) {
        var canvas = Canvas(width: 7, height: 3, symbols: symbols)
        canvas.line(from: (1e300, -1e300), to: (-1e300, 1e300), color: .red)
        canvas.line(from: (-1e18, 2), to: (1e18, 3), color: .red)
        canvas.line(from: (3, -1e200), to: (4, 1e200), color: .red)
        canvas.line(from: (.infinity, 1), to: (2, .nan), color: .red)
        canvas.line(from: (0, 0), to: (Double(canvas.dotWidth - 1), Double(canvas.dotHeight - 1)), color: .red)
        #expect(canvas.bits(cellX: 0, cellY: 0) != 0 && canvas.bits(cellX: 6, cellY: 2) != 0)
    }

    @Test func seriesKeepTheirColours() {
        let a = series([0, 0, 0], color: .red), b = series([1, 1, 1], color: .green)
        var buf = Buffer(width: 3, height: 2)
        bare([a, b], symbols: .block).render(area: Rect(x: 0, y: 0, width: 3, height: 2), buffer: &buf)
        #expect(buf[0, 0].fg == .green)
        #expect(buf[0, 1].fg == .red)
    }

    @Test func stackedSeriesSumByTimestamp() {
        let chart = bare([series([1, 1, 1]), series([2, .nan, 2])], stacked: true)
        let stacked = chart.stackedSeries()
        #expect(stacked[0].values == [1, 1, 1])
        #expect(stacked[1].values[0] == 3 && stacked[1].values[1].isNaN && stacked[1].values[2] == 3)
    }

    @Test func autoScaleUsesNiceTicks() {
        let chart = Chart(series: [series([0.03, 0.97])])
        let scale = chart.yScale(chart.series, range: t0...(t0 + 1000), rows: 10)
        #expect(scale.lower == 0 && scale.upper == 1)
        #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        var fixed = chart
        fixed.yMin = 0.5
        fixed.yMax = 2
        let f = fixed.yScale(fixed.series, range: t0...(t0 + 1000), rows: 8)
        #expect(f.lower == 0.5 && f.upper == 2)
        #expect(f.ticks == [0.5, 1, 1.5, 2])
    }

    @Test func logScaleUsesDecades() {
        var chart = Chart(series: [series([0.002, 0.5, 30, -1])])
        chart.logScale = true
        let scale = chart.yScale(chart.series, range: t0...(t0 + 3000), rows: 10)
        #expect(scale.lower == 0.001 && scale.upper == 100)
        #expect(scale.ticks == [0.001, 0.01, 0.1, 1, 10, 100])
        #expect(abs(scale.fraction(1) - 0.6) < 1e-12)
        #expect(scale.fraction(0).isNaN)
    }

    @Test func fullChartWithAxesAndLegend() {
        let s1 = ChartSeries(name: "p99", timestamps: (0..<60).map { t0 + Int64($0) * 15_000 },
                             values: (0..<60).map { $0 == 30 ? .nan : Double($0 % 20) / 100 }, color: .red)
        let s2 = ChartSeries(name: "p50", timestamps: (0..<60).map { t0 + Int64($0) * 15_000 },
                             values: (0..<60).map { _ in 0.05 }, color: .green)
        let chart = Chart(series: [s1, s2], symbols: .ascii, formatter: Units.formatter(.seconds))
        let lines = rendered(chart, width: 50, height: 14, area: Rect(x: 1, y: 1, width: 48, height: 12))
        #expect(lines == [
            "··················································",
            "·200ms+             .             .             .·",
            "·     |           .':           .':           .' ·",
            "·150ms+         .'  :         .'  :         .'   ·",
            "·     |        :    :        :    :       .'     ·",
            "·100ms+      :'      :    .'       :    .''      ·",
            "· 50ms+.....:........:....:........:....:........·",
            "·     |  .'          : .'          : .'          ·",
            "·   0s+.'            :'            :'            ·",
            "·     +-----+-------------+------------+---------·",
            "·         22:15         22:20        22:25       ·",
            "·* p99  last 190ms    min 0s  max 190ms          ·",
            "·* p50   last 50ms  min 50ms   max 50ms          ·",
            "··················································",
        ])
    }

    @Test func timeLabelsUseSecondsForShortSpans() {
        #expect(TimeAxis.step(spanMs: 60_000, width: 60).seconds == 10)
        #expect(TimeAxis.step(spanMs: 60_000, width: 60).withSeconds)
        #expect(TimeAxis.step(spanMs: 3_600_000, width: 60) == (seconds: 600, withSeconds: false))
        #expect(TimeAxis.label(ms: t0, withSeconds: true) == "22:13:20")
        #expect(TimeAxis.label(ms: t0, withSeconds: false, zoneOffsetSeconds: 3600) == "23:13")
        #expect(TimeAxis.label(ms: -1000, withSeconds: true) == "23:59:59")
        #expect(TimeAxis.ticks(startMs: t0, endMs: t0 + 120_000, stepSeconds: 60) == [t0 + 40_000, t0 + 100_000])
    }

    @Test func emptyAndDegenerateData() {
        for s in [[ChartSeries](), [series([])], [series([.nan, .nan])], [series([5])], [series([.infinity, -.infinity])]] {
            let chart = Chart(series: s)
            #expect(untouchedOutside(chart, width: 30, height: 12, area: Rect(x: 2, y: 2, width: 25, height: 8)))
        }
        // Values far outside a fixed range are clipped, not drawn across the screen.
        let wild = bare([series([-1e300, 1e300, 0.5])])
        #expect(untouchedOutside(wild, width: 8, height: 4, area: Rect(x: 1, y: 1, width: 5, height: 2)))
    }
}

@Suite struct NiceScaleTests {
    static let cases: [(Double, Double, Int, Double)] = [
        (0, 1, 6, 0.2), (0, 100, 5, 50), (0, 7, 8, 1), (0, 0.003, 4, 0.001),
        (-5, 5, 5, 5), (1000, 1900, 10, 100), (0, 1e9, 5, 5e8),
    ]

    @Test(arguments: cases)
    func stepsAreOneTwoFive(min: Double, max: Double, ticks: Int, step: Double) {
        let s = NiceScale(min: min, max: max, maxTicks: ticks)
        #expect(s.step == step)
        #expect(s.lower <= min && s.upper >= max)
        #expect(s.ticks.first == s.lower && s.ticks.last == s.upper)
    }

    @Test func niceStepLadder() {
        #expect(NiceScale.niceStep(0.13) == 0.2)
        #expect(NiceScale.niceStep(3) == 5)
        #expect(NiceScale.niceStep(7) == 10)
        #expect(NiceScale.niceStep(1) == 1)
        #expect(NiceScale.niceStep(0) == 1)
    }

    @Test func degenerateRanges() {
        #expect(NiceScale(min: 0, max: 0, maxTicks: 5).ticks == [0, 0.5, 1])
        let flat = NiceScale(min: 3, max: 3, maxTicks: 5)
        #expect(flat.lower < 3 && flat.upper > 3)
        #expect(NiceScale(min: .nan, max: .infinity, maxTicks: 5).ticks == [0, 0.5, 1])
        #expect(NiceScale(min: 0, max: 1e300, maxTicks: 1000).ticks.count <= 202)
    }

    @Test func ticksHaveNoBinaryNoise() {
        let s = NiceScale(min: 0, max: 0.7, maxTicks: 8)
        #expect(s.ticks == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }
}

@Suite struct SymbolTests {
    @Test func brailleTableCoversAllPatterns() {
        #expect(Symbols.braille.count == 256)
        #expect(Symbols.braille[0] == "\u{2800}")
        #expect(Symbols.braille[255] == "\u{28FF}")
        #expect(Set(Symbols.braille).count == 256)
        var all: UInt8 = 0
        for row in 0..<4 { for col in 0..<2 { all |= SymbolSet.braille.dotBit(column: col, row: row) } }
        #expect(all == 0xFF)
    }

    @Test func canvasDotsPerSet() {
        var c = Canvas(width: 1, height: 1, symbols: .braille)
        c.set(dotX: 0, dotY: 0, color: .red)
        c.set(dotX: 1, dotY: 3, color: .red)
        #expect(c.bits(cellX: 0, cellY: 0) == 0x81)
        var q = Canvas(width: 1, height: 1, symbols: .block)
        q.set(dotX: 1, dotY: 1, color: .red)
        #expect(SymbolSet.block.canvasSymbol(q.bits(cellX: 0, cellY: 0)) == "▗")
        var a = Canvas(width: 1, height: 1, symbols: .ascii)
        a.set(dotX: 0, dotY: 0, color: .red)
        a.set(dotX: 0, dotY: 1, color: .red)
        #expect(SymbolSet.ascii.canvasSymbol(a.bits(cellX: 0, cellY: 0)) == ":")
        a.set(dotX: 5, dotY: -1, color: .red)
    }

    @Test func clippingKeepsSegmentsInside() {
        let r = Canvas.clip((x: -10, y: 5), (x: 20, y: 5), maxX: 9, maxY: 9)
        #expect(r?.0.x == 0 && r?.1.x == 9)
        #expect(Canvas.clip((x: -10, y: -10), (x: -5, y: -1), maxX: 9, maxY: 9) == nil)
        #expect(Canvas.clip((x: .nan, y: 0), (x: 1, y: 1), maxX: 9, maxY: 9) == nil)
    }

    @Test func lineSets() {
        #expect(SymbolSet.ascii.lines == .ascii)
        #expect(LineSet.ascii.topLeft == "+" && LineSet.ascii.horizontal == "-" && LineSet.ascii.vertical == "|")
        #expect(LineSet.rounded.topLeft == "╭" && LineSet.single.topLeft == "┌")
    }
}

@Suite struct HostileInputTests {
    @Test func extremeTimestampsDoNotTrap() {
        let s = ChartSeries(name: "x", timestamps: [Int64.min, -1, 0, Int64.max], values: [1, 2, 3, 4], color: .red)
        for range: ClosedRange<Int64>? in [nil, Int64.min...Int64.max, 0...0] {
            let chart = Chart(series: [s], timeRange: range)
            #expect(untouchedOutside(chart, width: 40, height: 12, area: Rect(x: 1, y: 1, width: 38, height: 10)))
        }
        let heat = Heatmap(columns: [[1], [2]], bucketBounds: [1], startMs: Int64.max - 10, stepMs: Int64.max)
        #expect(untouchedOutside(heat, width: 20, height: 6, area: Rect(x: 1, y: 1, width: 18, height: 4)))
        #expect(TimeAxis.ticks(startMs: Int64.max - 5000, endMs: Int64.max, stepSeconds: 1).count <= 6)
    }

    @Test func hostileCellTextNeverReachesTheScreen() {
        let evil = "\u{1B}]52;c;cm0gLXJmIC8=\u{07}\u{1B}[2J\u{202E}name\u{9B}6n\u{1B}P1$r\u{1B}\\"
        let widgets: [any Widget] = [
            Table(columns: [.init(evil)], rows: [[evil]]), List(strings: [evil]), Tabs(titles: [evil]),
            StatusBar(left: [Span(evil)], right: [Span(evil)]), HintBar(hints: [.init(evil, evil)]),
            Paragraph(text: evil), Block(title: evil, rightTitle: evil),
            BarGauge(items: [.init(label: evil, value: 1)]), BarChart(bars: [.init(label: evil, value: 1)]),
            Chart(series: [ChartSeries(name: evil, timestamps: [0, 1000], values: [1, 2], color: .red)]),
        ]
        for w in widgets {
            var b = Buffer(width: 40, height: 8)
            w.render(area: b.area, buffer: &b)
            let text = b.ansiText()
            // Only our own SGR sequences: ESC always followed by "[" and digits/semicolons ending in "m".
            var scalars = Array(text.unicodeScalars)[...]
            while let i = scalars.firstIndex(of: "\u{1B}") {
                let rest = scalars[(i + 1)...]
                #expect(rest.first == "[")
                let end = rest.firstIndex(where: { !($0 == "[" || $0 == ";" || ("0"..."9").contains($0)) })
                #expect(end.map { scalars[$0] } == "m")
                scalars = scalars[((end ?? scalars.endIndex))...].dropFirst()
            }
            for s in text.unicodeScalars {
                #expect(!(0x80...0x9F).contains(s.value) && !(0x202A...0x202E).contains(s.value) && s.value != 0x07)
            }
            #expect(!b.plainText().contains("52;c"))
        }
    }
}
