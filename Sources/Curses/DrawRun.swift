import Terminal

/// A stretch of one screen line to write in one call (columns `x..<end` of row `y`).
public struct DrawRun: Hashable, Sendable {
    public var y: Int
    public var x: Int
    public var end: Int

    public init(y: Int, x: Int, end: Int) {
        self.y = y
        self.x = x
        self.end = end
    }

    /// Groups `Buffer.diff` output (screen order) into runs: changed cells on one line join a run
    /// when at most `maxGap` unchanged columns lie between them (rewriting a few unchanged cells
    /// costs less than moving the cursor). A wide cell's run covers both its columns.
    public static func group(_ changes: [(x: Int, y: Int, cell: Cell)], maxGap: Int = 2) -> [DrawRun] {
        var runs: [DrawRun] = []
        for change in changes {
            let end = change.x + max(1, Int(change.cell.width))
            if var last = runs.last, last.y == change.y, change.x >= last.end, change.x - last.end <= maxGap {
                last.end = max(last.end, end)
                runs[runs.count - 1] = last
            } else {
                runs.append(DrawRun(y: change.y, x: change.x, end: end))
            }
        }
        return runs
    }

    /// One run per line covering all of `area`, for a full redraw.
    public static func full(_ area: Rect) -> [DrawRun] {
        guard area.width > 0 else { return [] }
        return (area.top..<area.bottom).map { DrawRun(y: $0, x: area.left, end: area.right) }
    }
}
