import Foundation
import TimeSeries

/// Running a script: loading series, evaluating each case and comparing as `promqltest` does
/// (relative tolerance 1e-6, NaN equals NaN, order only when `expect ordered`).
extension PromQLTestScript {
    /// Runs every command; `makeStorage` gives a fresh store at the start and after each `clear`.
    public func run(makeStorage: () -> any ScriptLoadableStorage = { ScriptStorage() },
                    lookbackDelta: Int64 = 300_000) -> ScriptResult {
        var result = ScriptResult(file: file)
        var storage = makeStorage()
        var histogramSeries: [Labels] = []
        for cmd in commands {
            switch cmd {
            case .clear:
                storage = makeStorage()
                histogramSeries = []
            case .load(let interval, let series, let withNHCB):
                for s in series {
                    if s.hasHistograms {
                        histogramSeries.append(s.labels)
                        continue
                    }
                    var samples: [Sample] = []
                    for (k, v) in s.values.enumerated() {
                        if let v { samples.append(Sample(t: Int64(k) * interval, v: v)) }
                    }
                    storage.append(s.labels, samples)
                    if withNHCB, let base = PromQLTestScript.nhcbBase(s.labels) { histogramSeries.append(base) }
                }
            case .eval(let c):
                let engine = Engine(querier: storage, lookbackDelta: lookbackDelta)
                let outcome = PromQLTestScript.runCase(c, engine: engine, histogramSeries: histogramSeries)
                result.cases.append(ScriptResult.Case(file: file, line: c.line, expr: c.expr, outcome: outcome))
            }
        }
        return result
    }

    /// The native histogram with custom buckets that `load_with_nhcb` derives from a classic series.
    static func nhcbBase(_ l: Labels) -> Labels? {
        let name = l.metricName
        for suffix in ["_bucket", "_count", "_sum"] where name.hasSuffix(suffix) {
            return l.removing(["le"]).setting(metricNameLabel, String(name.dropLast(suffix.count)))
        }
        return nil
    }

    /// Why a case is out of scope, or nil to run it.
    static func skipReason(_ c: EvalCase, _ expr: Expr?, histogramSeries: [Labels]) -> String? {
        if let f = ExperimentalSyntax.feature(in: c.expr) { return "needs \(f), experimental and off by default in Prometheus 3.x" }
        if c.expectsHistograms { return "expects native histogram samples" }
        guard let expr else { return nil }
        var reason: String?
        ExprWalk.visit(expr) { e in
            switch e {
            case .call(let call) where call.function.nativeHistogramOnly:
                reason = "uses \(call.function.name)(), which needs native histograms"
            case .vectorSelector(let vs):
                if histogramSeries.contains(where: { l in vs.matchers.allSatisfy { $0.matches(l[$0.name]) } }) {
                    reason = "selects native histogram series"
                }
            case .matrixSelector(let ms):
                if histogramSeries.contains(where: { l in ms.selector.matchers.allSatisfy { $0.matches(l[$0.name]) } }) {
                    reason = "selects native histogram series"
                }
            default: break
            }
        }
        return reason
    }

    static func runCase(_ c: EvalCase, engine: Engine, histogramSeries: [Labels]) -> ScriptResult.Outcome {
        let parsed: Expr
        do {
            parsed = try Parser.parse(c.expr)
        } catch {
            if let r = skipReason(c, nil, histogramSeries: histogramSeries) { return .skipped(r) }
            if c.isFail { return checkFailure(c, "\(error)") }
            return .failed("parse error: \(error)")
        }
        if let r = skipReason(c, parsed, histogramSeries: histogramSeries) { return .skipped(r) }
        let res: QueryResult
        do {
            switch c.kind {
            case .instant(let at):
                if let rv = c.rangeVector {
                    res = try engine.instant(parsed, at: rv.end, queryText: c.expr)
                } else {
                    res = try engine.instant(parsed, at: at, queryText: c.expr)
                }
            case .range(let s, let e, let step):
                res = try engine.range(parsed, start: s, end: e, step: step, queryText: c.expr)
            }
        } catch {
            if c.isFail { return checkFailure(c, "\(error)") }
            return .failed("unexpected error: \(error)")
        }
        if c.isFail { return .failed("expected an error, got none") }
        if let msg = checkAnnotations(c, res.annotations) { return .failed(msg) }
        if let msg = compare(c, res.value) { return .failed(msg) }
        if let msg = checkRangeMode(c, parsed, engine: engine, instantValue: res.value) { return .failed("range mode: " + msg) }
        if let msg = checkPinnedTimes(c, parsed, engine: engine) { return .failed(msg) }
        return .passed
    }

    /// Functions whose result depends on the evaluation time even with pinned arguments.
    static let timeDependentFunctions: Set<String> = [
        "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year",
        "predict_linear", "time", "timestamp",
    ]

    /// As promqltest does: with every selector pinned to the case's time by `@`, evaluating at
    /// other times must give the same result.
    static func checkPinnedTimes(_ c: EvalCase, _ expr: Expr, engine: Engine) -> String? {
        guard case .instant(let at) = c.kind, c.rangeVector == nil else { return nil }
        var unsafe = false
        ExprWalk.visit(expr) { e in
            if case .call(let call) = e, timeDependentFunctions.contains(call.function.name) { unsafe = true }
        }
        if unsafe { return nil }
        let pinned = ExprWalk.pinned(expr, at: at)
        let times: [Int64] = at == 0 ? [-1000, 0, 1000] : [-10 * at, 0, at / 5, at, 10 * at]
        for t in times {
            do {
                let r = try engine.instant(pinned, at: t, queryText: c.expr)
                if let msg = compare(c, r.value) { return "with @ \(at) evaluated at \(t): \(msg)" }
            } catch {
                return "with @ \(at) evaluated at \(t): unexpected error: \(error)"
            }
        }
        return nil
    }

    /// As promqltest does: an instant case must give the same result as the middle step of a
    /// range query from one minute before to one minute after.
    static func checkRangeMode(_ c: EvalCase, _ expr: Expr, engine: Engine, instantValue: QueryValue) -> String? {
        guard case .instant(let at) = c.kind, c.rangeVector == nil, c.expectedString == nil, !c.ordered else { return nil }
        if c.expr.contains(/(start|end|range|step)\(\)/) { return nil }
        let rangeResult: QueryResult
        do {
            rangeResult = try engine.range(expr, start: at - 60_000, end: at + 60_000, step: 60_000, queryText: c.expr)
        } catch {
            return "error evaluating in range mode: \(error)"
        }
        guard case .matrix(let m) = rangeResult.value else { return "range query did not return a matrix" }
        var vec: [VectorSample] = []
        for s in m {
            if let p = s.samples.first(where: { $0.t == at }) { vec.append(VectorSample(labels: s.labels, value: p.v, t: at)) }
        }
        if case .scalar = instantValue {
            guard let first = vec.first else { return "no scalar point at the evaluation time" }
            return compare(c, .scalar(first.value, t: at))
        }
        return compare(c, .vector(vec))
    }

    static func checkFailure(_ c: EvalCase, _ message: String) -> ScriptResult.Outcome {
        if let m = c.failMessage, m != message {
            return .failed("expected error \"\(m)\", got \"\(message)\"")
        }
        if let r = c.failRegex, !Expectation(message: nil, regex: r).matches(message) {
            return .failed("expected error matching \(r), got \"\(message)\"")
        }
        if let e = c.expectFail.first, !e.matches(message) {
            return .failed("expected error \(e.message ?? e.regex ?? ""), got \"\(message)\"")
        }
        return .passed
    }

    static func checkAnnotations(_ c: EvalCase, _ a: Annotations) -> String? {
        let warnings = a.warnings, infos = a.infos
        if c.warn && warnings.isEmpty { return "expected warnings, got none" }
        if c.info && infos.isEmpty { return "expected info annotations, got none" }
        func check(_ expected: [Expectation], _ actual: [String], _ kind: String) -> String? {
            if expected.isEmpty { return nil }
            if actual.isEmpty { return "expected \(kind) annotations but none were found" }
            for e in expected where !actual.contains(where: e.matches) {
                return "expected \(kind) annotation \(e.message ?? e.regex ?? "") not found; got \(actual)"
            }
            for x in actual where !expected.contains(where: { $0.matches(x) }) {
                return "unexpected \(kind) annotation \(x)"
            }
            return nil
        }
        if let m = check(c.expectWarn, warnings, "warn") { return m }
        if let m = check(c.expectInfo, infos, "info") { return m }
        if c.noWarn && !warnings.isEmpty { return "unexpected warnings: \(warnings)" }
        if c.noInfo && !infos.isEmpty { return "unexpected info annotations: \(infos)" }
        return nil
    }

    static func equal(_ a: Double, _ b: Double) -> Bool { Quantile.almostEqual(a, b, 1e-6) }

    static func format(_ labels: Labels) -> String { labels.isEmpty ? "{}" : labels.description }

    static func compare(_ c: EvalCase, _ value: QueryValue) -> String? {
        var expected: [Labels: ExpectedSeries] = [:]
        for e in c.expectedSeries { expected[e.labels] = e }
        switch value {
        case .scalar(let v, _):
            guard let want = c.expectedScalar else { return "expected vector or matrix result, got scalar \(GoFloat.format(v))" }
            return equal(want, v) ? nil : "expected scalar \(GoFloat.format(want)), got \(GoFloat.format(v))"
        case .string(let s, _):
            return c.expectedString == s ? nil : "expected string \(GoQuote.promql(c.expectedString ?? "")), got \(GoQuote.promql(s))"
        case .vector(let vec):
            if let want = c.expectedScalar { return "expected scalar \(GoFloat.format(want)), got vector of \(vec.count)" }
            var seen = Set<Labels>()
            for (i, s) in vec.enumerated() {
                guard let e = expected[s.labels] else {
                    return "unexpected metric \(format(s.labels)) in result, has value \(GoFloat.format(s.value))"
                }
                if c.ordered && e.position != i + 1 {
                    return "expected metric \(format(s.labels)) at position \(e.position), was at \(i + 1)"
                }
                guard let w = e.values.first ?? nil else { return "expected no value for \(format(s.labels))" }
                if !equal(w, s.value) {
                    return "expected \(GoFloat.format(w)) for \(format(s.labels)), got \(GoFloat.format(s.value))"
                }
                seen.insert(s.labels)
            }
            for e in c.expectedSeries where !seen.contains(e.labels) {
                return "expected metric \(format(e.labels)) not found (result has \(vec.count) samples)"
            }
            return nil
        case .matrix(let m):
            if c.ordered { return "expected ordered result, but query returned a matrix" }
            if let want = c.expectedScalar { return "expected scalar \(GoFloat.format(want)), got matrix" }
            var start: Int64 = 0, end: Int64 = 0, step: Int64 = 0
            if case .range(let s, let e, let st) = c.kind { (start, end, step) = (s, e, st) }
            if let rv = c.rangeVector { (start, end, step) = rv }
            var seen = Set<Labels>()
            for s in m {
                guard let e = expected[s.labels] else {
                    return "unexpected metric \(format(s.labels)) in result, has \(pointsText(s.samples))"
                }
                seen.insert(s.labels)
                var want: [Sample] = []
                for (i, v) in e.values.enumerated() {
                    let t = start + Int64(i) * step
                    if t > end { return "expected \(e.values.count) points for \(format(e.labels)), but query time range cannot return this many points" }
                    if let v { want.append(Sample(t: t, v: v)) }
                }
                if want.count != s.samples.count {
                    return "expected \(want.count) points for \(format(s.labels)) \(pointsText(want)), got \(pointsText(s.samples))"
                }
                for (w, g) in zip(want, s.samples) where w.t != g.t || !equal(w.v, g.v) {
                    return "expected \(format(s.labels)) \(pointsText(want)), got \(pointsText(s.samples))"
                }
            }
            for e in c.expectedSeries where !seen.contains(e.labels) {
                return "expected metric \(format(e.labels)) not found"
            }
            return nil
        }
    }

    static func pointsText(_ s: [Sample]) -> String {
        "[" + s.map { "\(GoFloat.format($0.v)) @[\($0.t)]" }.joined(separator: " ") + "]"
    }
}

/// Syntax of Prometheus 3.x features that are experimental and off by default.
enum ExperimentalSyntax {
    static func feature(in expr: String) -> String? {
        // Ignore string contents.
        let stripped = expr.replacing(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/, with: "\"\"")
        if stripped.contains(/\b(smoothed|anchored)\b/) { return "extended range selectors" }
        if stripped.contains(/\bfill(_left|_right)?\s*\(/) { return "binary operator fill modifiers" }
        if stripped.contains(/\b(step|range)\s*\(\s*\)/) { return "duration expressions" }
        if stripped.contains(/\[[^\]]*[-+*\/%^()][^\]]*\]/) { return "duration expressions" }
        if stripped.contains(/(offset|@)\s*\(/) { return "duration expressions" }
        let withoutAt = stripped.replacing(/@\s*(start|end)\s*\(\s*\)/, with: "")
        if withoutAt.contains(/\b(start|end)\s*\(\s*\)/) { return "duration expression functions start()/end()" }
        if stripped.contains(/\b(min_of|max_of|histogram_quantiles)\s*\(/) { return "experimental functions" }
        if stripped.contains(/offset\s*-?\s*[0-9][0-9a-z.]*\s*[-+*\/%^]/) { return "duration expressions" }
        return nil
    }
}
