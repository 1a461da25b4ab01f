import Foundation
import TimeSeries

/// The function table: PromQL function name → implementation, as Prometheus's `FunctionCalls`.
enum Functions {
    typealias Impl = @Sendable (FunctionCall) throws -> Value

    static let table: [String: Impl] = {
        var t: [String: Impl] = [:]
        for (name, f) in mathFunctions { t[name] = { c in .vector(mapValues(c.vector(0), c.ts, f)) } }
        t["round"] = round
        t["clamp"] = clamp
        t["clamp_min"] = { c in
            let lo = c.scalar(1)
            return .vector(mapValues(c.vector(0), c.ts) { goMax(lo, $0) })
        }
        t["clamp_max"] = { c in
            let hi = c.scalar(1)
            return .vector(mapValues(c.vector(0), c.ts) { goMin(hi, $0) })
        }
        t["time"] = { c in .scalar(Double(c.ts) / 1000) }
        t["pi"] = { _ in .scalar(Double.pi) }
        t["vector"] = { c in .vector([VectorSample(labels: .empty, value: c.scalar(0), t: c.ts)]) }
        t["scalar"] = { c in
            let v = c.vector(0)
            return .scalar(v.count == 1 ? v[0].value : .nan)
        }
        t["timestamp"] = { c in
            .vector(c.vector(0).map { VectorSample(labels: $0.labels, value: Double($0.t) / 1000, t: c.ts, dropName: true) })
        }
        t["absent"] = { c in
            if !c.vector(0).isEmpty { return .vector([]) }
            return .vector([VectorSample(labels: absentLabels(c.call.args[0]), value: 1, t: c.ts)])
        }
        t["sort"] = { c in sortByValue(c, descending: false) }
        t["sort_desc"] = { c in sortByValue(c, descending: true) }
        t["sort_by_label"] = { c in sortByLabel(c, descending: false) }
        t["sort_by_label_desc"] = { c in sortByLabel(c, descending: true) }
        t["label_replace"] = labelReplace
        t["label_join"] = labelJoin
        for (name, part) in dateFunctions { t[name] = { c in date(c, part) } }
        for (name, impl) in overTimeFunctions { t[name] = impl }
        for (name, impl) in rateFunctions { t[name] = impl }
        t["histogram_quantile"] = histogramQuantile
        return t
    }()

    /// Applies `f` to every value; the metric name is dropped.
    static func mapValues(_ v: [VectorSample], _ ts: Int64, _ f: (Double) -> Double) -> [VectorSample] {
        v.map { VectorSample(labels: $0.labels, value: f($0.value), t: ts, dropName: true) }
    }

    /// Go's `math.Max`: NaN wins, +0 beats -0.
    static func goMax(_ a: Double, _ b: Double) -> Double {
        if a.isInfinite && a > 0 || b.isInfinite && b > 0 { return .infinity }
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && a == b { return a.sign == .minus ? b : a }
        return a > b ? a : b
    }

    /// Go's `math.Min`: NaN wins, -0 beats +0.
    static func goMin(_ a: Double, _ b: Double) -> Double {
        if a.isInfinite && a < 0 || b.isInfinite && b < 0 { return -.infinity }
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && a == b { return a.sign == .minus ? a : b }
        return a < b ? a : b
    }

    static let mathFunctions: [String: @Sendable (Double) -> Double] = [
        "abs": { Swift.abs($0) },
        "ceil": { Foundation.ceil($0) },
        "floor": { Foundation.floor($0) },
        "exp": { Foundation.exp($0) },
        "sqrt": { $0.squareRoot() },
        "ln": { Foundation.log($0) },
        "log2": { Foundation.log2($0) },
        "log10": { Foundation.log10($0) },
        "sgn": { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) },
        "sin": { Foundation.sin($0) },
        "cos": { Foundation.cos($0) },
        "tan": { Foundation.tan($0) },
        "asin": { Foundation.asin($0) },
        "acos": { Foundation.acos($0) },
        "atan": { Foundation.atan($0) },
        "sinh": { Foundation.sinh($0) },
        "cosh": { Foundation.cosh($0) },
        "tanh": { Foundation.tanh($0) },
        "asinh": { Foundation.asinh($0) },
        "acosh": { Foundation.acosh($0) },
        "atanh": { Foundation.atanh($0) },
        "deg": { $0 * 180 / Double.pi },
        "rad": { $0 * Double.pi / 180 },
    ]

    static func round(_ c: FunctionCall) -> Value {
        let toNearest = c.argCount > 1 ? c.scalar(1) : 1
        let inverse = 1 / toNearest
        return .vector(mapValues(c.vector(0), c.ts) { Foundation.floor($0 * inverse + 0.5) / inverse })
    }

    static func clamp(_ c: FunctionCall) -> Value {
        let lo = c.scalar(1), hi = c.scalar(2)
        if hi < lo { return .vector([]) }
        return .vector(mapValues(c.vector(0), c.ts) { goMax(lo, goMin(hi, $0)) })
    }

    /// Labels of `absent`'s result: the selector's equality matchers (names set twice are left out).
    static func absentLabels(_ arg: Expr) -> Labels {
        let matchers: [LabelMatcher]
        switch arg.unwrapped {
        case .vectorSelector(let vs): matchers = vs.matchers
        case .matrixSelector(let ms): matchers = ms.selector.matchers
        default: return .empty
        }
        var pairs: [String: String] = [:]
        var dup = Set<String>()
        var seen = Set<String>()
        for m in matchers where m.name != metricNameLabel {
            if !seen.insert(m.name).inserted { dup.insert(m.name) }
            if m.kind == .equal { pairs[m.name] = m.value }
        }
        for d in dup { pairs[d] = nil }
        return Labels(pairs)
    }

    static func sortByValue(_ c: FunctionCall, descending: Bool) -> Value {
        if c.evaluator.start != c.evaluator.end {
            c.evaluator.warn("sort is ineffective for range queries since results are always ordered by labels", at: c.call.pos)
        }
        let sorted = Evaluator.stableSorted(c.vector(0)) { a, b in
            if a.value.isNaN { return false }
            if b.value.isNaN { return true }
            return descending ? a.value > b.value : a.value < b.value
        }
        return .vector(sorted)
    }

    static func sortByLabel(_ c: FunctionCall, descending: Bool) -> Value {
        if c.evaluator.start != c.evaluator.end {
            c.evaluator.warn("sort is ineffective for range queries since results are always ordered by labels", at: c.call.pos)
        }
        let names = (1..<c.argCount).map { c.string($0) }
        let sorted = c.vector(0).sorted { a, b in
            for n in names {
                let x = a.labels[n], y = b.labels[n]
                if x == y { continue }
                return descending ? NaturalSort.less(y, x) : NaturalSort.less(x, y)
            }
            return descending ? b.labels < a.labels : a.labels < b.labels
        }
        return .vector(sorted)
    }
}
