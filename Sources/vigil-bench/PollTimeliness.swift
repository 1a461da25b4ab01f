/// Judges one tool's scrapes as the targets saw them: over a window, every gap between consecutive
/// scrapes of a target (and from the window's start to its first scrape, and from its last scrape to
/// the window's end) is compared with the interval. A gap over 1.5 intervals is a late poll; the
/// ticks a gap swallowed whole are skipped polls. `missed` counts the polls that were skipped or
/// late: each late gap counts the ticks it skipped, and at least one.
struct PollTimeliness: Equatable {
    /// Scrapes that arrived inside the window, over all targets.
    var scrapes = 0
    /// Scrapes a perfect scheduler would have made inside the window (targets × whole intervals).
    var expected = 0
    /// Gaps longer than 1.5 intervals.
    var late = 0
    /// Ticks with no scrape at all.
    var skipped = 0
    /// Polls that were late or skipped (what the benchmark's `missed=` reports).
    var missed = 0
    /// Targets not scraped once in the window.
    var unscrapedTargets = 0
    /// The longest gap seen, in nanoseconds.
    var longestGap: UInt64 = 0

    init() {}

    /// - Parameters:
    ///   - arrivals: per target, request arrival times in nanoseconds (any order).
    ///   - start, end: the window, same clock.
    init(arrivals: [[UInt64]], start: UInt64, end: UInt64, interval: UInt64) {
        guard end > start, interval > 0 else { return }
        let i = Double(interval)
        let lateLimit = interval + interval / 2
        expected = arrivals.count * Int((end - start) / interval)
        for target in arrivals {
            let times = target.sorted()
            let inside = times.filter { $0 >= start && $0 < end }
            scrapes += inside.count
            if inside.isEmpty { unscrapedTargets += 1 }
            // Edges: from the last scrape before the window (or the window's start when there was
            // none) to the first inside it, and from the last inside it to the first after it (or the end).
            var points: [(t: UInt64, real: Bool)] = []
            if let before = times.last(where: { $0 < start }) { points.append((before, true)) } else { points.append((start, false)) }
            for t in inside { points.append((t, true)) }
            if let after = times.first(where: { $0 >= end }) { points.append((after, true)) } else { points.append((end, false)) }
            for k in 1..<points.count {
                let a = points[k - 1], b = points[k]
                let gap = b.t - a.t
                longestGap = max(longestGap, gap)
                // Between two scrapes, a gap of n intervals swallowed n - 1 ticks; against a window
                // edge (no scrape there), every whole interval in it is a tick with no scrape.
                let ticks = a.real && b.real ? max(0, Int((Double(gap) / i).rounded()) - 1) : Int(gap / interval)
                skipped += ticks
                if gap > lateLimit {
                    late += 1
                    missed += max(1, ticks)
                }
            }
        }
    }
}
