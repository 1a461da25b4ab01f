/// Function calls, aggregations and label lists.
extension Parser {
    mutating func parseLabelList(context: String) throws(ParseError) -> [String] {
        _ = try expect(.leftParen, context: context, expected: "\"(\"")
        var out: [String] = []
        while current.kind != .rightParen {
            let t = current
            guard t.kind == .identifier || t.kind == .string else {
                throw unexpected(t, context: context, expected: "label")
            }
            advance()
            out.append(t.text)
            if current.kind == .comma {
                advance()
            } else if current.kind != .rightParen {
                throw unexpected(current, context: context, expected: "\",\" or \")\"")
            }
        }
        advance()
        return out
    }

    mutating func parseArguments(context: String) throws(ParseError) -> [Expr] {
        _ = try expect(.leftParen, context: context, expected: "\"(\"")
        var args: [Expr] = []
        if current.kind == .rightParen {
            advance()
            return args
        }
        while true {
            args.append(try parseExpr(minPrecedence: 0))
            if current.kind == .comma {
                advance()
                if current.kind == .rightParen { throw unexpected(current, context: context, expected: "argument") }
                continue
            }
            _ = try expect(.rightParen, context: context, expected: "\",\" or \")\"")
            return args
        }
    }

    mutating func parseCall() throws(ParseError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let nameTok = advance()
        guard let fn = FunctionInfo.all[nameTok.text] else {
            throw error(at: nameTok, "unknown function with name \"\(nameTok.text)\"")
        }
        let args = try parseArguments(context: "function call")
        let n = fn.argTypes.count
        if fn.variadic == 0 {
            if args.count != n {
                throw error(at: nameTok, "expected \(n) argument(s) in call to \"\(fn.name)\", got \(args.count)")
            }
        } else {
            let minArgs = n - 1
            if args.count < minArgs {
                throw error(at: nameTok, "expected at least \(minArgs) argument(s) in call to \"\(fn.name)\", got \(args.count)")
            }
            if fn.variadic > 0, args.count > n - 1 + fn.variadic {
                throw error(at: nameTok, "expected at most \(n - 1 + fn.variadic) argument(s) in call to \"\(fn.name)\", got \(args.count)")
            }
        }
        for (i, a) in args.enumerated() {
            let want = i < n ? fn.argTypes[i] : fn.argTypes[n - 1]
            if a.type != want {
                throw error(at: a.position, "expected type \(want.rawValue) in call to function \"\(fn.name)\", got \(a.type.rawValue)")
            }
        }
        return .call(Call(function: fn, args: args, pos: nameTok.pos))
    }

    mutating func parseAggregation() throws(ParseError) -> Expr {
        try enter()
        defer { depth -= 1 }
        let opTok = advance()
        guard let op = AggregateOp(rawValue: opTok.text.lowercased()) else {
            throw unexpected(opTok, context: "aggregation")
        }
        var grouping: [String] = []
        var without = false
        var hasGrouping = false
        if isKeyword(current, "by") || isKeyword(current, "without") {
            without = isKeyword(current, "without")
            advance()
            grouping = try parseLabelList(context: "grouping opts")
            hasGrouping = true
        }
        let args = try parseArguments(context: "aggregation")
        if isKeyword(current, "by") || isKeyword(current, "without") {
            if hasGrouping { throw unexpected(current, context: "aggregation") }
            without = isKeyword(current, "without")
            advance()
            grouping = try parseLabelList(context: "grouping opts")
        }
        let want = op.hasParam ? 2 : 1
        if args.count != want {
            throw error(at: opTok, "wrong number of arguments for aggregate expression provided, expected \(want), got \(args.count)")
        }
        let expr = args[want - 1]
        let param: Expr? = op.hasParam ? args[0] : nil
        if let p = param {
            let pt: ValueType = op == .countValues ? .string : .scalar
            if p.type != pt {
                throw error(at: p.position, "expected type \(pt.rawValue) in aggregation parameter, got \(p.type.rawValue)")
            }
        }
        if expr.type != .vector {
            throw error(at: expr.position, "expected type instant vector in aggregation expression, got \(expr.type.rawValue)")
        }
        return .aggregate(AggregateExpr(op: op, expr: expr, param: param, grouping: grouping, without: without, pos: opTok.pos))
    }
}
