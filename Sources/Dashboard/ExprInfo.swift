import PromQL
import TimeSeries

/// Facts about a PromQL expression the panels need: the metric it reads, whether it is a per-second
/// rate, and whether it is a bare selector (so a panel may wrap it in `rate()` or expand it into
/// histogram quantiles).
public struct ExprInfo: Sendable {
    /// The first metric name the expression selects, "" when none.
    public var metricName: String
    /// True when a `rate`, `irate` or `deriv` call is applied.
    public var rated: Bool
    /// For a bare selector `name{matchers}` (no offset, no `@`): the name and the matchers as text.
    public var selector: (name: String, matchers: [String])?

    public init(_ query: String) {
        metricName = ""
        rated = false
        selector = nil
        guard let expr = try? Parser.parse(query) else { return }
        var name = ""
        var rated = false
        ExprInfo.visit(expr, depth: 0) { e in
            switch e {
            case .vectorSelector(let v) where name.isEmpty: name = v.name
            case .matrixSelector(let m) where name.isEmpty: name = m.selector.name
            case .call(let c) where ["rate", "irate", "deriv"].contains(c.function.name): rated = true
            default: break
            }
        }
        metricName = name
        self.rated = rated
        if case .vectorSelector(let v) = ExprInfo.unwrapped(expr), v.offset == 0, v.at == nil, !v.name.isEmpty {
            selector = (v.name, v.matchers.filter { $0.name != metricNameLabel }.map(\.description))
        }
    }

    /// `name{matchers}` with another name (for a histogram's `_bucket` or a queue's companion series).
    public static func selector(_ name: String, _ matchers: [String], extra: [String] = []) -> String {
        let all = matchers + extra
        return all.isEmpty ? name : name + "{" + all.joined(separator: ", ") + "}"
    }

    static func unwrapped(_ e: Expr) -> Expr {
        var e = e
        while case .paren(let inner, _) = e { e = inner }
        return e
    }

    /// Visits every node (depth is bounded by the parser's own nesting limit; this stops at 256).
    static func visit(_ e: Expr, depth: Int, _ f: (Expr) -> Void) {
        guard depth < 256 else { return }
        f(e)
        switch e {
        case .number, .string, .vectorSelector, .matrixSelector: break
        case .subquery(let s): visit(s.expr, depth: depth + 1, f)
        case .paren(let x, _), .unary(_, let x, _): visit(x, depth: depth + 1, f)
        case .binary(let b):
            visit(b.lhs, depth: depth + 1, f)
            visit(b.rhs, depth: depth + 1, f)
        case .aggregate(let a):
            if let p = a.param { visit(p, depth: depth + 1, f) }
            visit(a.expr, depth: depth + 1, f)
        case .call(let c): c.args.forEach { visit($0, depth: depth + 1, f) }
        }
    }
}

/// A threshold an alert rule puts on an expression (`expr > 0.5`), drawn on panels that show
/// the same expression so the line and the alert agree.
public struct AlertThreshold: Hashable, Sendable {
    /// The compared expression in canonical form.
    public var expr: String
    public var value: Double

    public init(expr: String, value: Double) {
        self.expr = (try? Parser.parse(expr).description) ?? expr
        self.value = value
    }

    /// The threshold in a rule expression of the form `A op N` or `N op A` with a comparison
    /// operator and a number; nil otherwise.
    public static func extract(fromRule rule: String) -> AlertThreshold? {
        guard let expr = try? Parser.parse(rule), case .binary(let b) = ExprInfo.unwrapped(expr) else { return nil }
        guard [">", "<", ">=", "<=", "==", "!="].contains(b.op.rawValue) else { return nil }
        if case .number(let n, _) = ExprInfo.unwrapped(b.rhs) { return AlertThreshold(expr: ExprInfo.unwrapped(b.lhs).description, value: n) }
        if case .number(let n, _) = ExprInfo.unwrapped(b.lhs) { return AlertThreshold(expr: ExprInfo.unwrapped(b.rhs).description, value: n) }
        return nil
    }
}
