import Foundation
import TimeSeries

/// Binary operators: scalar/scalar, vector/scalar, vector matching and set operators.
extension Evaluator {
    func evalBinary(_ b: BinaryExpr, _ ts: Int64) throws -> Value {
        let l = try eval(b.lhs, ts)
        let r = try eval(b.rhs, ts)
        switch (l, r) {
        case (.scalar(let x), .scalar(let y)):
            let (v, keep) = Evaluator.apply(b.op, x, y)
            if b.op.isComparison { return .scalar(keep ? 1 : 0) }
            return .scalar(v)
        case (.vector(let vec), .scalar(let s)):
            return .vector(vectorScalar(b, vec, s, swap: false))
        case (.scalar(let s), .vector(let vec)):
            return .vector(vectorScalar(b, vec, s, swap: true))
        case (.vector(let lv), .vector(let rv)):
            let m = b.matching ?? VectorMatching(card: b.op.isSetOperator ? .manyToMany : .oneToOne)
            switch b.op {
            case .and: return .vector(setAnd(lv, rv, m))
            case .or: return .vector(setOr(lv, rv, m))
            case .unless: return .vector(setUnless(lv, rv, m))
            default: return .vector(try vectorVector(b, lv, rv, m))
            }
        default:
            throw EvaluationError("binary expression must contain only scalar and instant vector types")
        }
    }

    /// The arithmetic result, and for comparisons whether the pair is kept.
    static func apply(_ op: BinaryOperator, _ l: Double, _ r: Double) -> (Double, Bool) {
        switch op {
        case .add: return (l + r, true)
        case .sub: return (l - r, true)
        case .mul: return (l * r, true)
        case .div: return (l / r, true)
        case .pow: return (Foundation.pow(l, r), true)
        case .mod: return (fmod(l, r), true)
        case .atan2: return (Foundation.atan2(l, r), true)
        case .eql: return (l, l == r)
        case .neq: return (l, l != r)
        case .gtr: return (l, l > r)
        case .lss: return (l, l < r)
        case .gte: return (l, l >= r)
        case .lte: return (l, l <= r)
        case .and, .or, .unless: return (l, true)
        }
    }

    static func dropsName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .sub, .mul, .div, .pow, .mod, .atan2: return true
        default: return false
        }
    }

    private func vectorScalar(_ b: BinaryExpr, _ vec: [VectorSample], _ s: Double, swap: Bool) -> [VectorSample] {
        var out: [VectorSample] = []
        out.reserveCapacity(vec.count)
        for var smp in vec {
            let (l, r) = swap ? (s, smp.value) : (smp.value, s)
            var (v, keep) = Evaluator.apply(b.op, l, r)
            if b.op.isComparison && swap { v = smp.value }
            if b.returnBool {
                v = keep ? 1 : 0
                keep = true
            }
            guard keep else { continue }
            smp.value = v
            if Evaluator.dropsName(b.op) || b.returnBool { smp.dropName = true }
            out.append(smp)
        }
        return out
    }

    /// The labels that decide which samples match.
    static func signature(_ l: Labels, _ m: VectorMatching) -> Labels {
        if m.on { return l.keeping(Set(m.labels)) }
        var drop = Set(m.labels)
        drop.insert(metricNameLabel)
        return l.removing(drop)
    }

    private func vectorVector(_ b: BinaryExpr, _ lhsIn: [VectorSample], _ rhsIn: [VectorSample], _ m: VectorMatching) throws -> [VectorSample] {
        if lhsIn.isEmpty || rhsIn.isEmpty { return [] }
        let oneToMany = m.card == .oneToMany
        let (lhs, rhs) = oneToMany ? (rhsIn, lhsIn) : (lhsIn, rhsIn)
        var right: [Labels: VectorSample] = [:]
        for rs in rhs {
            let sig = Evaluator.signature(rs.labels, m)
            if let dup = right[sig] {
                let side = oneToMany ? "left" : "right"
                let matched = m.on ? rs.labels.keeping(Set(m.labels)) : rs.labels.removing(Set(m.labels))
                throw EvaluationError("found duplicate series for the match group \(Evaluator.braced(matched)) on the \(side) hand-side of the operation: [\(Evaluator.braced(dup.labels)), \(Evaluator.braced(rs.labels))];many-to-many matching not allowed: matching labels must be unique on one side")
            }
            right[sig] = rs
        }
        var matchedOne = Set<Labels>()
        var matchedMany: [Labels: Set<Labels>] = [:]
        var out: [VectorSample] = []
        for ls in lhs {
            let sig = Evaluator.signature(ls.labels, m)
            guard let rs = right[sig] else { continue }
            if m.card == .oneToOne && !matchedOne.insert(sig).inserted {
                // Checked before filtering, so a comparison cannot hide the ambiguity.
                throw EvaluationError("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
            }
            let (fl, fr) = oneToMany ? (rs.value, ls.value) : (ls.value, rs.value)
            var (v, keep) = Evaluator.apply(b.op, fl, fr)
            if b.returnBool {
                v = keep ? 1 : 0
            } else if !keep {
                continue
            }
            let metric = Evaluator.resultLabels(ls.labels, rs.labels, m)
            if m.card != .oneToOne, matchedMany[sig, default: []].insert(metric).inserted == false {
                throw EvaluationError("multiple matches for labels: grouping labels must ensure unique matches")
            }
            let drop = b.returnBool || Evaluator.dropsName(b.op) || ls.dropName
            out.append(VectorSample(labels: metric, value: v, t: ls.t, dropName: drop && metric.has(metricNameLabel)))
        }
        return out
    }

    static func resultLabels(_ l: Labels, _ r: Labels, _ m: VectorMatching) -> Labels {
        var res = l
        if m.card == .oneToOne {
            res = m.on ? res.keeping(Set(m.labels)) : res.removing(Set(m.labels))
        }
        for name in m.include {
            res = res.setting(name, r[name])
        }
        return res
    }

    /// `{a="b", c="d"}` as Go's `labels.Labels.String` prints it (name included as a label).
    static func braced(_ l: Labels) -> String {
        "{" + l.pairs.map { "\($0.name)=\(GoQuote.promql($0.value))" }.joined(separator: ", ") + "}"
    }

    private func setAnd(_ l: [VectorSample], _ r: [VectorSample], _ m: VectorMatching) -> [VectorSample] {
        if l.isEmpty || r.isEmpty { return [] }
        let sigs = Set(r.map { Evaluator.signature($0.labels, m) })
        return l.filter { sigs.contains(Evaluator.signature($0.labels, m)) }
    }

    private func setOr(_ l: [VectorSample], _ r: [VectorSample], _ m: VectorMatching) -> [VectorSample] {
        if l.isEmpty { return r }
        if r.isEmpty { return l }
        let sigs = Set(l.map { Evaluator.signature($0.labels, m) })
        return l + r.filter { !sigs.contains(Evaluator.signature($0.labels, m)) }
    }

    private func setUnless(_ l: [VectorSample], _ r: [VectorSample], _ m: VectorMatching) -> [VectorSample] {
        if l.isEmpty || r.isEmpty { return l }
        let sigs = Set(r.map { Evaluator.signature($0.labels, m) })
        return l.filter { !sigs.contains(Evaluator.signature($0.labels, m)) }
    }
}
