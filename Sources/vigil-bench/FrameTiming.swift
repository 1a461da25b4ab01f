import Config
import Dashboard
import Foundation
import PromQL
import Terminal
import TimeSeries

/// The in-process half of `vigil-bench render`: the bench dashboard over a store of host-like
/// samples at 200×60, advanced one second per frame. Each frame's data refresh (query evaluation) is
/// timed apart from the frame itself: render into a `Buffer` and diff it against the previous
/// frame, as the ncurses backend does before writing.
enum FrameTiming {
    struct Result {
        var frameMs: [Double]
        var refreshMs: [Double]
        var changedCells: [Int]
        var seriesShown: Int
        var panelsShown: Int
    }

    static func run(width: Int, height: Int, frames: Int) throws -> Result {
        let config: Config
        do {
            config = try ConfigLoader.parse(text: BenchDashboard.configYAML(), file: "bench.yml")
        } catch {
            throw PeerProgram.Failure(description: "the bench config does not load: \(error)")
        }
        let store = SeriesStore(retention: 3_600_000)
        var data = HostLikeData(store: store)
        // 15 minutes of history (the default window) at 1 s, ending at `t`.
        var t: Int64 = 1_700_000_000_000
        for _ in 0..<900 {
            data.append(at: t)
            t += 1000
        }
        var app = DashboardApp(
            dashboards: config.dashboards.map(DashboardSpec.init),
            evaluator: QueryEvaluator(engine: Engine(querier: store)),
            // What vigil picks for a 1 s poll (DashboardSession.settleMargin): steps older than 5 s are kept.
            rangeCache: RangeQueryCache(settleMargin: 5_000), catalog: store,
            theme: .builtinDefault, colorLevel: .ansi256, symbols: .braille, zoneOffsetSeconds: 0, now: t)
        app.setSize(width: width, height: height)
        var previous = Buffer(width: width, height: height)
        var frame = Buffer(width: width, height: height)
        var result = Result(frameMs: [], refreshMs: [], changedCells: [], seriesShown: 0, panelsShown: 0)
        let warmup = 10
        for i in 0..<(warmup + frames) {
            data.append(at: t)
            let refresh = BenchClock.seconds { app.tick(now: t) }
            var changed = 0
            let seconds = BenchClock.seconds {
                app.render(into: &frame)
                changed = frame.diff(previous).count
            }
            swap(&previous, &frame)
            t += 1000
            if i >= warmup {
                result.frameMs.append(seconds * 1000)
                result.refreshMs.append(refresh * 1000)
                result.changedCells.append(changed)
            }
        }
        result.panelsShown = app.models.count
        result.seriesShown = app.models.values.reduce(0) { n, model in
            if case .chart(let c) = model.content { return n + c.series.count }
            return n
        }
        return result
    }

    /// The `q` quantile (0...1) of `values`, nearest rank.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
