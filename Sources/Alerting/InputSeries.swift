import PromQL
import Synchronization
import TimeSeries

/// A test group's `input_series`, expanded with PromQL's test-script `load` parser (the same
/// expanding notation: `1+2x10`, `_`, `stale`) and appended to the store lazily, up to each
/// evaluation time, as promtool's lazy loader does.
struct InputSeries {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Receives what a `load` command loads, in order, merging repeated series.
    final class Collector: ScriptLoadableStorage, Sendable {
        let loaded = Mutex<(order: [Labels], samples: [Labels: [Sample]])>(([], [:]))

        func append(_ labels: Labels, _ samples: [Sample]) {
            loaded.withLock { l in
                if l.samples[labels] == nil { l.order.append(labels) }
                l.samples[labels, default: []].append(contentsOf: samples)
            }
        }

        func select(_ matchers: [LabelMatcher], mint: Int64, maxt: Int64) -> [SeriesSamples] { [] }
    }

    var labels: [Labels] = []
    var samples: [[Sample]] = []
    private var refs: [SeriesRef] = []
    private var cursor: [Int] = []

    /// Expands the series; sample `k` of each is at `start + k * interval`.
    static func load(_ inputs: [RuleTestFile.InputSeries], interval: Int64, start: Int64) throws(Failure) -> InputSeries {
        var out = InputSeries()
        if inputs.isEmpty { return out }
        var text = "load \(RuleDuration.format(interval))\n"
        for s in inputs {
            if s.series.contains("\n") || s.values.contains("\n") {
                throw Failure(description: "input series \(GoQuote.quote(s.series)) spans several lines")
            }
            text += "  \(s.series) \(s.values)\n"
        }
        let script: PromQLTestScript
        do {
            script = try PromQLTestScript.parse(text: text, file: "input_series")
        } catch let e as PromQLTestScript.SyntaxError {
            let index = e.line - 2
            let name = inputs.indices.contains(index) ? inputs[index].series : ""
            throw Failure(description: "error in input_series \(GoQuote.quote(name)): \(e.message)")
        } catch {
            throw Failure(description: "error in input_series: \(error)")
        }
        let collector = Collector()
        _ = script.run(makeStorage: { collector })
        let loaded = collector.loaded.withLock { $0 }
        for l in loaded.order {
            var merged = (loaded.samples[l] ?? []).enumerated().sorted { ($0.element.t, $0.offset) < ($1.element.t, $1.offset) }.map(\.element)
            // A repeated timestamp keeps its last value.
            var deduped: [Sample] = []
            deduped.reserveCapacity(merged.count)
            for s in merged {
                let shifted = Sample(t: s.t &+ start, v: s.v)
                if let last = deduped.last, last.t == shifted.t { deduped[deduped.count - 1] = shifted } else { deduped.append(shifted) }
            }
            merged = []
            out.labels.append(l)
            out.samples.append(deduped)
        }
        return out
    }

    /// Appends every sample at or before `ts` not yet appended.
    mutating func appendTill(_ ts: Int64, into store: SeriesStore) {
        if refs.count != labels.count {
            refs = labels.map { store.getOrCreate($0) }
            cursor = Array(repeating: 0, count: labels.count)
        }
        store.appendBatch { a in
            for i in labels.indices {
                var c = cursor[i]
                let series = samples[i]
                while c < series.count, series[c].t <= ts {
                    a.append(refs[i], series[c].t, series[c].v)
                    c += 1
                }
                cursor[i] = c
            }
        }
    }
}
