import Foundation
import TimeSeries

/// The `*_over_time` family and other per-series functions of a range vector.
extension Functions {
    /// One output sample per input series that yields a value. Most functions drop the name.
    static func overSeries(_ c: FunctionCall, keepName: Bool = false, _ f: (RangeSeries) throws -> Double?) rethrows -> Value {
        var out: [VectorSample] = []
        for s in c.matrix(c.call.function.argTypes.firstIndex(of: .matrix) ?? 0) {
            guard !s.samples.isEmpty, let v = try f(s) else { continue }
            out.append(VectorSample(labels: s.labels, value: v, t: c.ts, dropName: s.dropName || !keepName))
        }
        return .vector(out)
    }

    static let overTimeFunctions: [String: Impl] = [
        "avg_over_time": { c in overSeries(c) { avg($0.samples.map(\.v)) } },
        "sum_over_time": { c in
            overSeries(c) { s in
                var sum = 0.0, comp = 0.0
                for p in s.samples { (sum, comp) = Kahan.inc(p.v, sum, comp) }
                return sum + comp
            }
        },
        "count_over_time": { c in overSeries(c) { Double($0.samples.count) } },
        "min_over_time": { c in
            overSeries(c) { s in
                var m = s.samples[0].v
                for p in s.samples.dropFirst() where p.v < m || m.isNaN { m = p.v }
                return m
            }
        },
        "max_over_time": { c in
            overSeries(c) { s in
                var m = s.samples[0].v
                for p in s.samples.dropFirst() where p.v > m || m.isNaN { m = p.v }
                return m
            }
        },
        "last_over_time": { c in overSeries(c, keepName: true) { $0.samples.last!.v } },
        "first_over_time": { c in overSeries(c, keepName: true) { $0.samples.first!.v } },
        "ts_of_last_over_time": { c in overSeries(c) { Double($0.samples.last!.t) / 1000 } },
        "ts_of_first_over_time": { c in overSeries(c) { Double($0.samples.first!.t) / 1000 } },
        "ts_of_min_over_time": { c in
            overSeries(c) { s in
                var m = s.samples[0]
                for p in s.samples.dropFirst() where p.v <= m.v || m.v.isNaN { m = p }
                return Double(m.t) / 1000
            }
        },
        "ts_of_max_over_time": { c in
            overSeries(c) { s in
                var m = s.samples[0]
                for p in s.samples.dropFirst() where p.v >= m.v || m.v.isNaN { m = p }
                return Double(m.t) / 1000
            }
        },
        "present_over_time": { c in overSeries(c) { _ in 1 } },
        "absent_over_time": { c in
            if c.matrix(0).contains(where: { !$0.samples.isEmpty }) { return .vector([]) }
            return .vector([VectorSample(labels: absentLabels(c.call.args[0]), value: 1, t: c.ts)])
        },
        "quantile_over_time": { c in
            let q = c.scalar(0)
            if q.isNaN || q < 0 || q > 1 {
                c.evaluator.warn("quantile value should be between 0 and 1, got \(GoFloat.format(q))", at: c.position(0))
            }
            return overSeries(c) { Quantile.quantile(q, $0.samples.map(\.v)) }
        },
        "stddev_over_time": { c in overSeries(c) { variance($0.samples.map(\.v)).squareRoot() } },
        "stdvar_over_time": { c in overSeries(c) { variance($0.samples.map(\.v)) } },
        "mad_over_time": { c in
            overSeries(c) { s in
                let vals = s.samples.map(\.v)
                if vals.contains(where: \.isNaN) { return .nan }
                let median = Quantile.quantile(0.5, vals)
                return Quantile.quantile(0.5, vals.map { Swift.abs($0 - median) })
            }
        },
        "changes": { c in
            overSeries(c) { s in
                var n = 0.0
                var prev = s.samples[0].v
                for p in s.samples.dropFirst() {
                    if p.v != prev && !(p.v.isNaN && prev.isNaN) { n += 1 }
                    prev = p.v
                }
                return n
            }
        },
        "resets": { c in
            overSeries(c) { s in
                var n = 0.0
                var prev = s.samples[0].v
                for p in s.samples.dropFirst() {
                    if p.v < prev { n += 1 }
                    prev = p.v
                }
                return n
            }
        },
        "deriv": { c in
            overSeries(c) { s in
                guard s.samples.count >= 2 else { return nil }
                return linearRegression(s.samples, intercept: s.samples[0].t).slope
            }
        },
        "predict_linear": { c in
            let duration = c.scalar(1)
            return overSeries(c) { s in
                guard s.samples.count >= 2 else { return nil }
                let (slope, icpt) = linearRegression(s.samples, intercept: c.ts)
                return slope * duration + icpt
            }
        },
        "double_exponential_smoothing": { c in
            let sf = c.scalar(1), tf = c.scalar(2)
            if !(sf > 0 && sf < 1) {
                throw EvaluationError("invalid smoothing factor. Expected: 0 < sf < 1, got: \(GoFloat.format(sf))")
            }
            if !(tf > 0 && tf < 1) {
                throw EvaluationError("invalid trend factor. Expected: 0 < tf < 1, got: \(GoFloat.format(tf))")
            }
            return overSeries(c) { s in
                let v = s.samples.map(\.v)
                guard v.count >= 2 else { return nil }
                var s0 = 0.0, s1 = v[0], b = v[1] - v[0]
                for i in 1..<v.count {
                    let x = sf * v[i]
                    if i > 1 { b = tf * (s1 - s0) + (1 - tf) * b }
                    let y = (1 - sf) * (s1 + b)
                    (s0, s1) = (s1, x + y)
                }
                return s1
            }
        },
    ]

    /// Mean as Prometheus's `avg_over_time`: compensated sum, incremental mean on overflow.
    static func avg(_ v: [Double]) -> Double {
        var sum = v[0], count = 1.0, mean = 0.0, comp = 0.0
        var incremental = false
        for (i, f) in v.dropFirst().enumerated() {
            count = Double(i + 2)
            if !incremental {
                let (ns, nc) = Kahan.inc(f, sum, comp)
                if !ns.isInfinite {
                    (sum, comp) = (ns, nc)
                    continue
                }
                incremental = true
                mean = sum / (count - 1)
                comp /= count - 1
            }
            let q = (count - 1) / count
            (mean, comp) = Kahan.inc(f / count, q * mean, q * comp)
        }
        if incremental { return mean + comp }
        return sum / count + comp / count
    }

    /// Population variance with compensated Welford updates, as `stdvar_over_time`.
    static func variance(_ v: [Double]) -> Double {
        var count = 0.0, mean = 0.0, cMean = 0.0, aux = 0.0, cAux = 0.0
        for f in v {
            count += 1
            let delta = f - (mean + cMean)
            (mean, cMean) = Kahan.inc(delta / count, mean, cMean)
            (aux, cAux) = Kahan.inc(delta * (f - (mean + cMean)), aux, cAux)
        }
        return (aux + cAux) / count
    }

    /// Least-squares fit with x in seconds relative to `intercept` (milliseconds).
    static func linearRegression(_ samples: [Sample], intercept: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0, sumX = 0.0, cX = 0.0, sumY = 0.0, cY = 0.0, sumXY = 0.0, cXY = 0.0, sumX2 = 0.0, cX2 = 0.0
        let initY = samples[0].v
        var constY = true
        for (i, s) in samples.enumerated() {
            if constY && i > 0 && s.v != initY { constY = false }
            n += 1
            let x = Double(s.t - intercept) / 1e3
            (sumX, cX) = Kahan.inc(x, sumX, cX)
            (sumY, cY) = Kahan.inc(s.v, sumY, cY)
            (sumXY, cXY) = Kahan.inc(x * s.v, sumXY, cXY)
            (sumX2, cX2) = Kahan.inc(x * x, sumX2, cX2)
        }
        if constY {
            if initY.isInfinite { return (.nan, .nan) }
            return (0, initY)
        }
        sumX += cX
        sumY += cY
        sumXY += cXY
        sumX2 += cX2
        let covXY = sumXY - sumX * sumY / n
        let varX = sumX2 - sumX * sumX / n
        let slope = covXY / varX
        return (slope, sumY / n - slope * sumX / n)
    }
}
