import Testing
import Terminal
@testable import Curses

struct DrawRunTests {
    @Test func groupsAdjacentAndNearCells() {
        var before = Buffer(width: 20, height: 3)
        before.setString("hello world", x: 0, y: 0)
        var after = before
        after.setString("J", x: 0, y: 0)       // col 0
        after.setString("L", x: 2, y: 0)       // gap of 1 → same run
        after.setString("X", x: 10, y: 0)      // gap of 7 → new run
        after.setString("ab", x: 5, y: 2)      // another line
        let runs = DrawRun.group(after.diff(before), maxGap: 2)
        #expect(runs == [DrawRun(y: 0, x: 0, end: 3), DrawRun(y: 0, x: 10, end: 11), DrawRun(y: 2, x: 5, end: 7)])
    }

    @Test func gapLimitIsExact() {
        let base = Buffer(width: 20, height: 1)
        var after = base
        after.setString("a", x: 0, y: 0)
        after.setString("b", x: 3, y: 0)  // two unchanged columns between
        #expect(DrawRun.group(after.diff(base), maxGap: 2) == [DrawRun(y: 0, x: 0, end: 4)])
        #expect(DrawRun.group(after.diff(base), maxGap: 1).count == 2)
        #expect(DrawRun.group(after.diff(base), maxGap: 0).count == 2)
    }

    @Test func wideCellsCoverBothColumns() {
        let base = Buffer(width: 10, height: 1)
        var after = base
        after.setString("中x", x: 2, y: 0)
        let changes = after.diff(base)
        #expect(changes.map(\.x) == [2, 4])  // the continuation at 3 is not listed
        #expect(DrawRun.group(changes, maxGap: 0) == [DrawRun(y: 0, x: 2, end: 5)])
    }

    @Test func runsNeverSpanLines() {
        let base = Buffer(width: 4, height: 2)
        var after = base
        after.setString("a", x: 3, y: 0)
        after.setString("b", x: 0, y: 1)
        #expect(DrawRun.group(after.diff(base), maxGap: 10) == [DrawRun(y: 0, x: 3, end: 4), DrawRun(y: 1, x: 0, end: 1)])
    }

    @Test func noChangesNoRuns() {
        let b = Buffer(width: 5, height: 5)
        #expect(DrawRun.group(b.diff(b)).isEmpty)
    }

    @Test func fullRedraw() {
        #expect(DrawRun.full(Rect(x: 0, y: 0, width: 3, height: 2)) == [DrawRun(y: 0, x: 0, end: 3), DrawRun(y: 1, x: 0, end: 3)])
        #expect(DrawRun.full(Rect(x: 0, y: 0, width: 0, height: 2)).isEmpty)
    }
}
