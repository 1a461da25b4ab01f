import Synchronization
import TimeSeries

/// Where a test script loads its series: any store the engine can also query.
public protocol ScriptLoadableStorage: SeriesQuerier, AnyObject {
    /// Adds samples (ascending timestamps) to the series with these labels.
    func append(_ labels: Labels, _ samples: [Sample])
}

/// A small in-memory store for test scripts: one sorted sample array per series.
public final class ScriptStorage: ScriptLoadableStorage, Sendable {
    private let series = Mutex<[Labels: [Sample]]>([:])

    public init() {}

    public func append(_ labels: Labels, _ samples: [Sample]) {
        series.withLock { all in
            var merged = all[labels, default: []]
            merged.append(contentsOf: samples)
            merged = Evaluator.stableSorted(merged) { $0.t < $1.t }
            // Keep the last write for a repeated timestamp.
            var out: [Sample] = []
            for s in merged {
                if let l = out.last, l.t == s.t { out[out.count - 1] = s } else { out.append(s) }
            }
            all[labels] = out
        }
    }

    public func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] {
        series.withLock { all in
            var out: [SeriesSamples] = []
            for (labels, samples) in all where matchers.allSatisfy({ $0.matches(labels[$0.name]) }) {
                let a = Evaluator.firstAfter(samples, mint - 1)
                let b = Evaluator.firstAfter(samples, maxt)
                if a < b { out.append(SeriesSamples(labels: labels, samples: Array(samples[a..<b]))) }
            }
            return out.sorted { $0.labels < $1.labels }
        }
    }
}
