import Testing
import Terminal
@testable import Dashboard

@Suite struct GridLayoutTests {
    func rects(_ layout: GridLayout) -> [String] {
        layout.placements.map { "\($0.id) \($0.rect)" }
    }

    @Test func rowsAndPanelsShareByWeight() {
        let d = DashboardSpec(title: "d", rows: [
            .init(height: 2, panels: [textPanel("a", "", width: 1), textPanel("b", "", width: 3)]),
            .init(height: 1, panels: [textPanel("c", "")]),
        ])
        let layout = GridLayout.compute(d, in: Rect(x: 0, y: 1, width: 80, height: 30))
        #expect(rects(layout) == ["0.0 20x20+0+1", "0.1 60x20+20+1", "1.0 80x10+0+21"])
        #expect(layout.markers.isEmpty)
    }

    @Test func minimumHeightIsKeptWhenTheWeightWouldGiveLess() {
        let d = DashboardSpec(title: "d", rows: [
            .init(height: 10, panels: [textPanel("a", "")]),
            .init(height: 1, minHeight: 8, panels: [textPanel("b", "")]),
        ])
        let layout = GridLayout.compute(d, in: Rect(x: 0, y: 0, width: 40, height: 22))
        #expect(rects(layout) == ["0.0 40x14+0+0", "1.0 40x8+0+14"])
    }

    @Test func panelsThatDoNotFitCollapseWithAMarker() {
        let d = DashboardSpec(title: "d", rows: [
            .init(panels: [textPanel("a", "", minWidth: 20), textPanel("b", "", minWidth: 20), textPanel("c", "", minWidth: 20)]),
        ])
        let layout = GridLayout.compute(d, in: Rect(x: 0, y: 0, width: 50, height: 10))
        #expect(rects(layout) == ["0.0 20x10+0+0", "0.1 20x10+20+0"])
        #expect(layout.markers.map(\.text) == ["+1 hidden"])
        #expect(layout.markers.first?.rect == Rect(x: 40, y: 0, width: 10, height: 10))
        // Narrower: only the short marker leaves room for a panel.
        let narrow = GridLayout.compute(d, in: Rect(x: 0, y: 0, width: 25, height: 10))
        #expect(rects(narrow) == ["0.0 22x10+0+0"])
        #expect(narrow.markers.map(\.text) == ["+2"])
    }

    @Test func rowsThatDoNotFitCollapseIntoABottomLine() {
        let d = DashboardSpec(title: "d", rows: [
            .init(minHeight: 6, panels: [textPanel("a", "")]),
            .init(minHeight: 6, panels: [textPanel("b", "")]),
            .init(minHeight: 6, panels: [textPanel("c", "")]),
        ])
        let layout = GridLayout.compute(d, in: Rect(x: 0, y: 0, width: 30, height: 14))
        #expect(rects(layout) == ["0.0 30x7+0+0", "1.0 30x6+0+7"])
        #expect(layout.markers.map(\.hidden) == [1])
        #expect(layout.markers.first?.rect == Rect(x: 0, y: 13, width: 30, height: 1))
    }

    @Test(arguments: [0, 1, 5, 15, 40]) func anySizeIsSafe(_ n: Int) {
        let d = DashboardSpec(title: "d", rows: [
            .init(panels: [textPanel("a", ""), textPanel("b", "", minWidth: 30)]),
            .init(minHeight: 3, panels: [textPanel("c", "")]),
        ])
        let layout = GridLayout.compute(d, in: Rect(x: 0, y: 0, width: n, height: n))
        for p in layout.placements {
            #expect(p.rect.right <= n && p.rect.bottom <= n)
        }
    }
}
