import TimeSeries

/// Turns PromQL text into an `Expr`, with Prometheus's precedence, modifiers and type checks.
///
/// Recursive descent with precedence climbing for binary operators. Errors carry the byte
/// position of the offending token; nesting is bounded by `maxDepth`.
public struct Parser {
    var tokens: [Token]
    var index = 0
    let query: String
    let maxDepth: Int
    var depth = 0

    /// Parses a whole query; trailing tokens are an error.
    public static func parse(_ query: String, maxDepth: Int = 128) throws(ParseError) -> Expr {
        var p = Parser(tokens: try Lexer.tokenize(query), query: query, maxDepth: maxDepth)
        if p.current.kind == .eof { throw p.error(at: p.current, "no expression found in input") }
        let e = try p.parseExpr(minPrecedence: 0)
        if p.current.kind != .eof {
            throw p.unexpected(p.current, context: nil)
        }
        return e
    }

    init(tokens: [Token], query: String, maxDepth: Int) {
        self.tokens = tokens
        self.query = query
        self.maxDepth = maxDepth
    }

    var current: Token { tokens[index] }
    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func error(at pos: Int, _ msg: String) -> ParseError {
        ParseError(position: pos, message: msg, query: query)
    }

    func error(at t: Token, _ msg: String) -> ParseError { error(at: t.pos, msg) }

    func unexpected(_ t: Token, context: String?, expected: String? = nil) -> ParseError {
        var msg = "unexpected \(t.describe)"
        if let context { msg += " in \(context)" }
        if let expected { msg += ", expected \(expected)" }
        return error(at: t, msg)
    }

    mutating func expect(_ kind: Token.Kind, context: String, expected: String) throws(ParseError) -> Token {
        guard current.kind == kind else { throw unexpected(current, context: context, expected: expected) }
        return advance()
    }

    func isKeyword(_ t: Token, _ word: String) -> Bool {
        t.kind == .identifier && t.text.lowercased() == word
    }

    mutating func enter() throws(ParseError) {
        depth += 1
        if depth > maxDepth { throw error(at: current, "expression nesting too deep (more than \(maxDepth) levels)") }
    }

    // MARK: Binary and unary expressions

    /// The binary operator at the current token, if any.
    func binaryOperator() -> BinaryOperator? {
        let t = current
        switch t.kind {
        case .add: return .add
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        case .pow: return .pow
        case .equal: return .eql
        case .notEqual: return .neq
        case .less: return .lss
        case .lessEqual: return .lte
        case .greater: return .gtr
        case .greaterEqual: return .gte
        case .identifier:
            switch t.text.lowercased() {
            case "and": return .and
            case "or": return .or
            case "unless": return .unless
            case "atan2": return .atan2
            default: return nil
            }
        default: return nil
        }
    }

    mutating func parseExpr(minPrecedence: Int) throws(ParseError) -> Expr {
        try enter()
        defer { depth -= 1 }
        var lhs = try parseUnary()
        var chain = 0
        while let op = binaryOperator(), op.precedence >= minPrecedence {
            chain += 1
            if depth + chain > maxDepth { throw error(at: current, "expression nesting too deep (more than \(maxDepth) levels)") }
            let opTok = advance()
            var returnBool = false
            if isKeyword(current, "bool") {
                advance()
                returnBool = true
            }
            var matching = VectorMatching()
            var explicitMatching = false
            if isKeyword(current, "on") || isKeyword(current, "ignoring") {
                matching.on = isKeyword(current, "on")
                advance()
                matching.labels = try parseLabelList(context: "grouping opts")
                explicitMatching = true
            }
            if isKeyword(current, "group_left") || isKeyword(current, "group_right") {
                matching.card = isKeyword(current, "group_left") ? .manyToOne : .oneToMany
                advance()
                if current.kind == .leftParen {
                    matching.include = try parseLabelList(context: "grouping opts")
                }
                explicitMatching = true
            }
            let nextMin = op.isRightAssociative ? op.precedence : op.precedence + 1
            let rhs = try parseExpr(minPrecedence: nextMin)
            lhs = try makeBinary(op, lhs, rhs, returnBool: returnBool, matching: matching,
                                 explicitMatching: explicitMatching, opTok: opTok)
        }
        return lhs
    }

    mutating func makeBinary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, returnBool: Bool,
                             matching: VectorMatching, explicitMatching: Bool, opTok: Token) throws(ParseError) -> Expr {
        var matching = matching
        let lt = lhs.type, rt = rhs.type
        if returnBool && !op.isComparison {
            throw error(at: opTok, "bool modifier can only be used on comparison operators")
        }
        if op.isComparison && !returnBool && lt == .scalar && rt == .scalar {
            throw error(at: opTok, "comparisons between scalars must use BOOL modifier")
        }
        if op.isSetOperator && matching.card == .oneToOne { matching.card = .manyToMany }
        if matching.on {
            for l in matching.labels where matching.include.contains(l) {
                throw error(at: opTok, "label \"\(l)\" must not occur in ON and GROUP clause at once")
            }
        }
        if lt != .scalar && lt != .vector {
            throw error(at: lhs.position, "binary expression must contain only scalar and instant vector types")
        }
        if rt != .scalar && rt != .vector {
            throw error(at: rhs.position, "binary expression must contain only scalar and instant vector types")
        }
        var vm: VectorMatching? = matching
        if lt != .vector || rt != .vector {
            if explicitMatching && (!matching.labels.isEmpty || matching.on || matching.card == .manyToOne || matching.card == .oneToMany) {
                throw error(at: lhs.position, "vector matching only allowed between instant vectors")
            }
            vm = nil
        } else if op.isSetOperator {
            if matching.card == .oneToMany || matching.card == .manyToOne {
                throw error(at: lhs.position, "no grouping allowed for \"\(op.rawValue)\" operation")
            }
        }
        if (lt == .scalar || rt == .scalar) && op.isSetOperator {
            throw error(at: lhs.position, "set operator \"\(op.rawValue)\" not allowed in binary scalar expression")
        }
        return .binary(BinaryExpr(op: op, lhs: lhs, rhs: rhs, returnBool: returnBool, matching: vm, opPos: opTok.pos))
    }

    mutating func parseUnary() throws(ParseError) -> Expr {
        if current.kind == .add || current.kind == .sub {
            try enter()
            defer { depth -= 1 }
            let opTok = advance()
            // The operand binds everything tighter than multiplication, i.e. `^` chains.
            let operand = try parseExpr(minPrecedence: BinaryOperator.pow.precedence)
            if case .number(let v, _) = operand {
                return .number(opTok.kind == .sub ? -v : v, pos: opTok.pos)
            }
            let t = operand.type
            if t != .scalar && t != .vector {
                throw error(at: opTok, "unary expression only allowed on expressions of type scalar or instant vector, got \"\(t.rawValue)\"")
            }
            return .unary(opTok.kind == .sub ? .minus : .plus, operand, pos: opTok.pos)
        }
        let primary = try parsePrimary()
        return try parsePostfix(primary)
    }

    // MARK: Primary expressions

    mutating func parsePrimary() throws(ParseError) -> Expr {
        let t = current
        switch t.kind {
        case .number:
            advance()
            return .number(try parseNumber(t), pos: t.pos)
        case .string:
            advance()
            return .string(t.text, pos: t.pos)
        case .duration:
            // Prometheus 3.x reads a duration where a number is expected as seconds (`predict_linear(x[1h], 30m)`).
            advance()
            guard let ms = try? Duration.parse(t.text) else { throw unexpected(t, context: nil) }
            return .number(Double(ms) / 1000, pos: t.pos)
        case .leftParen:
            try enter()
            defer { depth -= 1 }
            advance()
            let inner = try parseExpr(minPrecedence: 0)
            _ = try expect(.rightParen, context: "paren expression", expected: "\")\"")
            return .paren(inner, pos: t.pos)
        case .leftBrace:
            return .vectorSelector(try parseSelector(name: nil, pos: t.pos))
        case .identifier, .metricIdentifier:
            let lower = t.text.lowercased()
            let next = peek()
            if t.kind == .identifier && Keywords.aggregators.contains(lower)
                && (next.kind == .leftParen || isKeyword(next, "by") || isKeyword(next, "without")) {
                return try parseAggregation()
            }
            if t.kind == .identifier && next.kind == .leftParen {
                return try parseCall()
            }
            advance()
            return .vectorSelector(try parseSelector(name: t.text, pos: t.pos))
        default:
            throw unexpected(t, context: nil)
        }
    }

    func parseNumber(_ t: Token) throws(ParseError) -> Double {
        let s = t.text.replacingOccurrences(of: "_", with: "")
        let lower = s.lowercased()
        if lower == "inf" { return .infinity }
        if lower == "nan" { return .nan }
        if lower.hasPrefix("0x"), let v = UInt64(lower.dropFirst(2), radix: 16) { return Double(v) }
        if s.count > 1, s.hasPrefix("0"), s.allSatisfy(\.isNumber), let v = UInt64(s, radix: 8) {
            return Double(v)
        }
        if let v = Double(s) { return v }
        throw error(at: t, "bad number or duration syntax: \"\(t.text)\"")
    }
}
