import Testing
import Polling
import Terminal
@testable import Dashboard

@Suite struct ScreenTests {
    let store = makeStore([(["__name__": "temp", "room": "a"], { 20 + Double($0 % 600) / 60 }),
                           (["__name__": "temp", "room": "b"], { 10 + Double($0) / 600 })])

    @Test func layoutWithCollapsedPanels() {
        let d = DashboardSpec(title: "Main", rows: [
            .init(minHeight: 4, panels: [textPanel("One", "first", minWidth: 14), textPanel("Two", "second", minWidth: 14),
                                         textPanel("Three", "third", minWidth: 14)]),
            .init(minHeight: 4, panels: [textPanel("Four", "fourth")]),
        ])
        let app = makeApp([d], store: store, width: 40, height: 10)
        #expect(screen(app) == [
            " 1 Main | Explore",
            "+ One --------++ Two --------+",
            "|first        ||second       | +1 hidden",
            "|             ||             |",
            "+-------------++-------------+",
            "+ Four --------------------------------+",
            "|fourth                                |",
            "|                                      |",
            "+--------------------------------------+",
            " 22:00:00  LIVE  15m  Enter zoom q ^C q…",
        ])
    }

    @Test func terminalTooSmall() {
        let app = makeApp([], store: store, width: 19, height: 10)
        #expect(screen(app) == ["Terminal too small…"] + Array(repeating: "", count: 9))
        let tiny = makeApp([], store: store, width: 30, height: 3)
        #expect(screen(tiny)[0] == "Terminal too small (30x3); ne…")
        #expect(lines(tiny.snapshot(width: 0, height: 0)) == [""])
    }

    @Test func statusBarShowsClockHealthModeWindowAndHints() {
        var app = makeApp([DashboardSpec(title: "Main", rows: [.init(panels: [textPanel("x", "")])])], store: store,
                          width: 100, height: 8)
        var up = TargetStatus(job: "api", instance: "a:1")
        up.up = true
        var down = TargetStatus(job: "api", instance: "b:1")
        down.up = false
        app.targets = [up, up, down]
        #expect(screen(app).last == " 22:00:00  2/3 up  LIVE  15m  Enter zoom q ^C quit ? F1 help : cmd / filter - window p pause a aler…")
        press(&app, [.char("p"), .char("-"), .char("[")])
        #expect(screen(app).last?.hasPrefix(" 22:00:00  2/3 up  PAUSED  30m, 15m ago  ") == true)
        press(&app, [.char("0")])
        #expect(screen(app).last?.hasPrefix(" 22:00:00  2/3 up  LIVE  30m  ") == true)
        // The health colour: critical when a target is down.
        let buffer = app.snapshot(width: 100, height: 8)
        #expect(buffer[11, 7].attributes.contains(.bold))
    }

    @Test func helpOverlayListsEveryBindingOfTheKeyTable() {
        var app = makeApp([DashboardSpec(title: "Main", rows: [.init(panels: [textPanel("x", "")])])], store: store,
                          width: 120, height: 70)
        press(&app, [.char("?")])
        #expect(app.helpVisible)
        let text = screen(app).joined(separator: "\n")
        for b in KeyTable.bindings {
            #expect(text.contains(b.description), "missing: \(b.description)")
        }
        for c in KeyContext.allCases { #expect(text.contains(c.rawValue)) }
        // The overlay's lines are exactly the table's: a header per context and a line per binding.
        let contexts = Set(KeyTable.bindings.map(\.context)).count
        #expect(HelpOverlay.textLines().filter { !$0.text.isEmpty }.count == KeyTable.bindings.count + contexts)
        // Any key closes it and does nothing else.
        #expect(app.handle(.char("q")) == .none)
        #expect(!app.helpVisible)
    }

    @Test func hintBarComesFromTheKeyTable() {
        for context in KeyContext.allCases {
            for hint in KeyTable.hints(in: context) {
                let binding = KeyTable.bindings.first { $0.hint == hint.label }
                #expect(binding != nil, "hint \(hint.label) has no binding")
            }
        }
    }

    @Test func timeSeriesPanelWithFixedData() {
        let d = DashboardSpec(title: "Main", rows: [
            .init(panels: [PanelSpec(title: "Temp", type: .timeseries, queries: [.init("temp")],
                                     thresholds: [.init(value: 25, color: .red)])]),
        ])
        let app = makeApp([d], store: store, width: 50, height: 16)
        #expect(screen(app) == [
            " 1 Main | Explore",
            "+ Temp ------------------------------------------+",
            "|30+               :':....                       |",
            "|  |               :     '''':...                |",
            "|25+''':::..''  '' :''  ''  ''  ''''::..:'  ''  '|",
            "|  |       '''':...:                     ''':....|",
            "|20+               '                            '|",
            "|15+                                             |",
            "|  |                                             |",
            "|10+''''''''''''''''''''''''':...................|",
            "|  ++--------------+-------------+--------------+|",
            "| 21:45          21:50         21:55        22:00|",
            "|* room=a  last 20  min 20  max 29.8  avg 24.1   |",
            "|* room=b  last 10  min 10  max 11.5  avg 10.8   |",
            "+------------------------------------------------+",
            " 22:00:00  LIVE  15m  Enter zoom q ^C quit ? F1 h…",
        ])
    }

    @Test func labelValuesAreSanitized() {
        let hostile = makeStore([(["__name__": "m", "who": "x\u{1B}]52;c;AAAA\u{07}y\u{1B}[31m"], { _ in 1 })])
        let d = DashboardSpec(title: "T\u{1B}[2J", rows: [.init(panels: [PanelSpec(title: "t", type: .table, queries: [.init("m")])])])
        let app = makeApp([d], store: hostile, width: 60, height: 8)
        let buffer = app.snapshot(width: 60, height: 8)
        for cell in buffer.cells {
            #expect(!cell.symbol.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(buffer.plainText().contains("xy"))
    }
}
