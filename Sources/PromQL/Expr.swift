import TimeSeries

/// A parsed PromQL expression. Printing (`String(describing:)`) gives canonical PromQL, used for
/// cache keys and messages.
public indirect enum Expr: Sendable {
    case number(Double, pos: Int)
    case string(String, pos: Int)
    case vectorSelector(VectorSelector)
    case matrixSelector(MatrixSelector)
    case subquery(SubqueryExpr)
    case paren(Expr, pos: Int)
    case unary(UnaryOperator, Expr, pos: Int)
    case binary(BinaryExpr)
    case aggregate(AggregateExpr)
    case call(Call)

    /// The type of value the expression yields.
    public var type: ValueType {
        switch self {
        case .number: return .scalar
        case .string: return .string
        case .vectorSelector: return .vector
        case .matrixSelector, .subquery: return .matrix
        case .paren(let e, _), .unary(_, let e, _): return e.type
        case .binary(let b): return b.lhs.type == .scalar && b.rhs.type == .scalar ? .scalar : .vector
        case .aggregate: return .vector
        case .call(let c): return c.function.returnType
        }
    }

    /// Byte offset of the expression's first token.
    public var position: Int {
        switch self {
        case .number(_, let p), .string(_, let p), .paren(_, let p), .unary(_, _, let p): return p
        case .vectorSelector(let v): return v.pos
        case .matrixSelector(let m): return m.selector.pos
        case .subquery(let s): return s.expr.position
        case .binary(let b): return b.lhs.position
        case .aggregate(let a): return a.pos
        case .call(let c): return c.pos
        }
    }

    /// The expression without any enclosing parentheses.
    var unwrapped: Expr {
        if case .paren(let e, _) = self { return e.unwrapped }
        return self
    }
}

public enum UnaryOperator: String, Sendable {
    case plus = "+"
    case minus = "-"
}

/// `@` modifier: a fixed time, or the query's start or end.
public enum AtModifier: Sendable, Equatable {
    case timestamp(Int64)
    case start
    case end
}

/// `name{matchers}` with its modifiers.
public struct VectorSelector: Sendable {
    public var name: String
    public var matchers: [LabelMatcher]
    public var offset: Int64 = 0
    public var at: AtModifier?
    public var pos: Int
}

/// `selector[range]`.
public struct MatrixSelector: Sendable {
    public var selector: VectorSelector
    public var range: Int64
}

/// `expr[range:step]`, step 0 meaning the engine's default interval.
public struct SubqueryExpr: Sendable {
    public var expr: Expr
    public var range: Int64
    public var step: Int64
    public var offset: Int64 = 0
    public var at: AtModifier?
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%", pow = "^", atan2 = "atan2"
    case eql = "==", neq = "!=", gtr = ">", lss = "<", gte = ">=", lte = "<="
    case and = "and", or = "or", unless = "unless"

    var isComparison: Bool {
        switch self {
        case .eql, .neq, .gtr, .lss, .gte, .lte: return true
        default: return false
        }
    }

    var isSetOperator: Bool { self == .and || self == .or || self == .unless }

    /// Prometheus's precedence, higher binds tighter.
    var precedence: Int {
        switch self {
        case .or: return 1
        case .and, .unless: return 2
        case .eql, .neq, .gtr, .lss, .gte, .lte: return 3
        case .add, .sub: return 4
        case .mul, .div, .mod, .atan2: return 5
        case .pow: return 6
        }
    }

    var isRightAssociative: Bool { self == .pow }
}

public enum MatchCardinality: Sendable {
    case oneToOne, manyToOne, oneToMany, manyToMany
}

/// `on`/`ignoring` and `group_left`/`group_right` of a binary operation.
public struct VectorMatching: Sendable {
    public var card: MatchCardinality = .oneToOne
    public var labels: [String] = []
    public var on = false
    public var include: [String] = []
}

public struct BinaryExpr: Sendable {
    public var op: BinaryOperator
    public var lhs: Expr
    public var rhs: Expr
    public var returnBool = false
    public var matching: VectorMatching?
    public var opPos: Int
}

public enum AggregateOp: String, Sendable {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk
    case countValues = "count_values"
    case quantile
    case limitk
    case limitRatio = "limit_ratio"

    var hasParam: Bool {
        switch self {
        case .topk, .bottomk, .countValues, .quantile, .limitk, .limitRatio: return true
        default: return false
        }
    }
}

public struct AggregateExpr: Sendable {
    public var op: AggregateOp
    public var expr: Expr
    public var param: Expr?
    public var grouping: [String]
    public var without: Bool
    public var pos: Int
}

public struct Call: Sendable {
    public var function: FunctionInfo
    public var args: [Expr]
    public var pos: Int
}
