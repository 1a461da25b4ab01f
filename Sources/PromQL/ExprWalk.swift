/// Visits and rewrites expression trees.
enum ExprWalk {
    static func visit(_ e: Expr, _ f: (Expr) -> Void) {
        f(e)
        switch e {
        case .number, .string, .vectorSelector, .matrixSelector: break
        case .subquery(let s): visit(s.expr, f)
        case .paren(let x, _), .unary(_, let x, _): visit(x, f)
        case .binary(let b):
            visit(b.lhs, f)
            visit(b.rhs, f)
        case .aggregate(let a):
            if let p = a.param { visit(p, f) }
            visit(a.expr, f)
        case .call(let c): c.args.forEach { visit($0, f) }
        }
    }

    /// Sets `@ time` on every selector and subquery that has none, not descending into
    /// subqueries that already have one (as promqltest's `atModifierTestCases`).
    static func pinned(_ e: Expr, at time: Int64) -> Expr {
        switch e {
        case .number, .string: return e
        case .vectorSelector(var vs):
            if vs.at == nil { vs.at = .timestamp(time) }
            return .vectorSelector(vs)
        case .matrixSelector(var ms):
            if ms.selector.at == nil { ms.selector.at = .timestamp(time) }
            return .matrixSelector(ms)
        case .subquery(var s):
            if s.at != nil { return e }
            s.at = .timestamp(time)
            return .subquery(s)
        case .paren(let x, let p): return .paren(pinned(x, at: time), pos: p)
        case .unary(let op, let x, let p): return .unary(op, pinned(x, at: time), pos: p)
        case .binary(var b):
            b.lhs = pinned(b.lhs, at: time)
            b.rhs = pinned(b.rhs, at: time)
            return .binary(b)
        case .aggregate(var a):
            if let p = a.param { a.param = pinned(p, at: time) }
            a.expr = pinned(a.expr, at: time)
            return .aggregate(a)
        case .call(var c):
            c.args = c.args.map { pinned($0, at: time) }
            return .call(c)
        }
    }
}
