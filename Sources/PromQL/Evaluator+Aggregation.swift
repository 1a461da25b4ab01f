import Foundation
import TimeSeries

/// Aggregation operators (`sum`, `avg`, `topk`, `count_values`, ...) with `by`/`without`.
extension Evaluator {
    func evalAggregate(_ a: AggregateExpr, _ ts: Int64) throws -> Value {
        var param: Value?
        if let p = a.param { param = try eval(p, ts) }
        guard case .vector(let input) = try eval(a.expr, ts) else {
            throw EvaluationError("aggregation expects an instant vector")
        }
        switch a.op {
        case .topk, .bottomk, .limitk:
            guard case .scalar(let k)? = param else { throw EvaluationError("expected scalar parameter") }
            if k.isNaN { throw EvaluationError("Parameter value is NaN") }
            guard k > -9.223372036854775e18 && k < 9.223372036854775e18 else {
                throw EvaluationError("Scalar value \(GoFloat.format(k)) overflows int64")
            }
            return .vector(aggregateK(a, Int(k), input))
        case .limitRatio:
            guard case .scalar(let r)? = param else { throw EvaluationError("expected scalar parameter") }
            if r.isNaN { throw EvaluationError("Ratio value is NaN") }
            var ratio = r
            if r < -1 || r > 1 {
                ratio = r < -1 ? -1 : 1
                warn("ratio value should be between -1 and 1, got \(GoFloat.format(r)), capping to \(GoFloat.format(ratio))", at: a.param!.position)
            }
            if ratio == 0 { return .vector([]) }
            return .vector(input.filter { LimitRatio.keep($0.labels, ratio: ratio) })
        case .countValues:
            guard case .string(let label)? = param else { throw EvaluationError("expected string parameter") }
            return .vector(try countValues(a, label, input, ts))
        default:
            var q = 0.0
            if a.op == .quantile {
                guard case .scalar(let p)? = param else { throw EvaluationError("expected scalar parameter") }
                q = p
                if q.isNaN || q < 0 || q > 1 {
                    warn("quantile value should be between 0 and 1, got \(GoFloat.format(q))", at: a.param!.position)
                }
            }
            return .vector(aggregate(a, q, input, ts))
        }
    }

    private struct Group {
        var labels: Labels
        var value: Double
        var mean: Double
        var kahanC = 0.0
        var count = 1.0
        var incrementalMean = false
        var values: [Double] = []
        var dropName: Bool
    }

    private func aggregate(_ a: AggregateExpr, _ q: Double, _ input: [VectorSample], _ ts: Int64) -> [VectorSample] {
        var groups = GroupIndex()
        var list: [Group] = []
        let grouping = LabelGrouping(a)
        for s in input {
            let key = grouping.apply(s.labels)
            let f = s.value
            guard let gi = groups.find(key) else {
                var g = Group(labels: key, value: f, mean: f, dropName: s.dropName)
                switch a.op {
                case .stddev, .stdvar: g.value = (f.isNaN || f.isInfinite) ? .nan : 0
                case .quantile: g.values = [f]
                case .group: g.value = 1
                default: break
                }
                groups.add(key)
                list.append(g)
                continue
            }
            var g = list[gi]
            g.dropName = g.dropName || s.dropName
            switch a.op {
            case .sum:
                (g.value, g.kahanC) = Kahan.inc(f, g.value, g.kahanC)
            case .avg:
                g.count += 1
                Evaluator.avgAdd(&g, f)
            case .max:
                if g.value < f || g.value.isNaN { g.value = f }
            case .min:
                if g.value > f || g.value.isNaN { g.value = f }
            case .count:
                g.count += 1
            case .stddev, .stdvar:
                g.count += 1
                let delta = f - g.mean
                g.mean += delta / g.count
                g.value += delta * (f - g.mean)
            case .quantile:
                g.values.append(f)
            default:
                break
            }
            list[gi] = g
        }
        return list.map { g in
            var v = g.value
            switch a.op {
            case .avg: v = g.incrementalMean ? g.mean + g.kahanC : (g.value + g.kahanC) / g.count
            case .count: v = g.count
            case .stdvar: v = g.value / g.count
            case .stddev: v = (g.value / g.count).squareRoot()
            case .quantile: v = Quantile.quantile(q, g.values)
            case .sum: v = g.value + g.kahanC
            default: break
            }
            return VectorSample(labels: g.labels, value: v, t: ts, dropName: g.dropName && g.labels.has(metricNameLabel))
        }
    }

    /// Prometheus's mean: a compensated sum, switching to an incremental mean on overflow.
    private static func avgAdd(_ g: inout Group, _ f: Double) {
        if !g.incrementalMean {
            let (nv, nc) = Kahan.inc(f, g.value, g.kahanC)
            if !nv.isInfinite {
                (g.value, g.kahanC) = (nv, nc)
                return
            }
            g.incrementalMean = true
            g.mean = g.value / (g.count - 1)
            g.kahanC /= g.count - 1
        }
        if g.mean.isInfinite {
            if f.isInfinite && (g.mean > 0) == (f > 0) { return }
            if !f.isInfinite && !f.isNaN { return }
        }
        let current = g.mean + g.kahanC
        (g.mean, g.kahanC) = Kahan.inc(f / g.count - current / g.count, g.mean, g.kahanC)
    }

    private func aggregateK(_ a: AggregateExpr, _ kIn: Int, _ input: [VectorSample]) -> [VectorSample] {
        let k = min(kIn, input.count)
        if k < 1 { return [] }
        var groups: [Labels: Int] = [:]
        var members: [[VectorSample]] = []
        let grouping = LabelGrouping(a)
        for s in input {
            let key = grouping.apply(s.labels)
            if let gi = groups[key] {
                members[gi].append(s)
            } else {
                groups[key] = members.count
                members.append([s])
            }
        }
        var out: [VectorSample] = []
        for var m in members {
            switch a.op {
            case .topk:
                m = Evaluator.stableSorted(m) { x, y in
                    if x.value.isNaN { return false }
                    if y.value.isNaN { return true }
                    return x.value > y.value
                }
            case .bottomk:
                m = Evaluator.stableSorted(m) { x, y in
                    if x.value.isNaN { return false }
                    if y.value.isNaN { return true }
                    return x.value < y.value
                }
            default: break
            }
            out += m.prefix(k)
        }
        return out
    }

    static func stableSorted<T>(_ a: [T], by less: (T, T) -> Bool) -> [T] {
        a.enumerated().sorted { x, y in
            if less(x.element, y.element) { return true }
            if less(y.element, x.element) { return false }
            return x.offset < y.offset
        }.map(\.element)
    }

    private func countValues(_ a: AggregateExpr, _ label: String, _ input: [VectorSample], _ ts: Int64) throws -> [VectorSample] {
        if label.isEmpty || label.unicodeScalars.contains("\u{FFFD}") {
            throw EvaluationError("invalid label name \(GoQuote.promql(label))")
        }
        var counts: [Labels: Int] = [:]
        var order: [Labels] = []
        let grouping = LabelGrouping(a)
        for s in input {
            let withValue = s.labels.setting(label, GoFloat.formatFixed(s.value))
            let key = grouping.apply(withValue)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { VectorSample(labels: $0, value: Double(counts[$0]!), t: ts) }
    }
}
