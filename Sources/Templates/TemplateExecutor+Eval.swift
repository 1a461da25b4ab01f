import TimeSeries
// Pipeline, command, field and argument evaluation, following Go's exec.go step by step so
// that the node an error is reported at is the one Go reports.

extension TemplateExecutor {
    func evalPipeline(_ dot: TemplateValue, _ pipe: TemplatePipe?) throws -> TemplateValue {
        guard let pipe else { return .none }
        site = .pipe(pipe)
        var value: TemplateValue?
        for cmd in pipe.cmds {
            value = try evalCommand(dot, cmd, final: value)
        }
        let result = value ?? .none
        for d in pipe.decl {
            if pipe.isAssign { try setVar(d.name, result) } else { vars.append((d.name, result)) }
        }
        return result
    }

    private func notAFunction(_ args: [TemplateArg], _ final: TemplateValue?) throws {
        if args.count > 1 || final != nil { throw errorf("can't give argument to non-function \(args[0])") }
    }

    func evalCommand(_ dot: TemplateValue, _ cmd: TemplateCommand, final: TemplateValue?) throws -> TemplateValue {
        try step()
        let first = cmd.args[0]
        switch first {
        case .field(_, let idents):
            site = .arg(first)
            return try evalFieldChain(dot, dot, first, idents, cmd.args, final)
        case .chain:
            return try evalChain(dot, first, cmd.args, final)
        case .identifier(_, let name):
            return try evalFunction(dot, first, name, callSite: .command(cmd), cmd.args, final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(_, let idents):
            return try evalVariable(dot, first, idents, cmd.args, final)
        default:
            break
        }
        site = .arg(first)
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .nilValue: throw errorf("nil is not a command")
        case .number(_, let n): return try idealConstant(first, n)
        case .string(_, _, let text): return .string(text)
        default: throw errorf("can't evaluate command \(GoQuote.quote(first.description))")
        }
    }

    func idealConstant(_ node: TemplateArg, _ n: NumberLiteral) throws -> TemplateValue {
        site = .arg(node)
        let lower = n.text.lowercased()
        let isHexInt = lower.hasPrefix("0x") && !lower.contains("p")
        let isRune = n.text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRune && n.text.contains(where: { ".eEpP".contains($0) }) {
            return .float(n.float)
        }
        if n.isInt { return .int(Int(n.int)) }
        if n.isUint { throw errorf("\(n.text) overflows int") }
        return .none
    }

    private func evalChain(_ dot: TemplateValue, _ chain: TemplateArg, _ args: [TemplateArg]?, _ final: TemplateValue?) throws -> TemplateValue {
        site = .arg(chain)
        guard case .chain(_, let node, let fields) = chain else { return .none }
        if case .nilValue = node { throw errorf("indirection through explicit nil in \(chain)") }
        let receiver = try evalArg(dot, .any, node)
        return try evalFieldChain(dot, receiver, chain, fields, args, final)
    }

    private func evalVariable(_ dot: TemplateValue, _ node: TemplateArg, _ idents: [String], _ args: [TemplateArg]?, _ final: TemplateValue?) throws -> TemplateValue {
        site = .arg(node)
        let value = try varValue(idents[0])
        if idents.count == 1 {
            try notAFunction(args ?? [node], final)
            return value
        }
        return try evalFieldChain(dot, value, node, Array(idents.dropFirst()), args, final)
    }

    private func evalFieldChain(_ dot: TemplateValue, _ receiver: TemplateValue, _ node: TemplateArg, _ idents: [String],
                                _ args: [TemplateArg]?, _ final: TemplateValue?) throws -> TemplateValue {
        var receiver = receiver
        for ident in idents.dropLast() {
            receiver = try evalField(dot, ident, node, nil, nil, receiver)
        }
        return try evalField(dot, idents[idents.count - 1], node, args, final, receiver)
    }

    private func evalField(_ dot: TemplateValue, _ name: String, _ node: TemplateArg, _ args: [TemplateArg]?,
                           _ final: TemplateValue?, _ receiver: TemplateValue) throws -> TemplateValue {
        if case .none = receiver { return .none }
        if case .time(let t) = receiver, let method = TimeMethods.method(name, t) {
            return try evalCall(dot, method, callSite: .arg(node), name, args, final)
        }
        let hasArgs = (args?.count ?? 0) > 1 || final != nil
        switch receiver {
        case .record(let r):
            if let v = r.field(name) {
                if hasArgs { throw errorf("\(name) has arguments but cannot be invoked as function") }
                return v
            }
        case .stringMap(let m):
            if hasArgs { throw errorf("\(name) is not a method but has arguments") }
            return .string(m[name] ?? "")
        case .map(let m):
            if hasArgs { throw errorf("\(name) is not a method but has arguments") }
            return m[name] ?? .none
        default:
            break
        }
        throw errorf("can't evaluate field \(name) in type \(receiver.goTypeName)")
    }

    private func evalFunction(_ dot: TemplateValue, _ node: TemplateArg, _ name: String, callSite: TemplateSite,
                              _ args: [TemplateArg]?, _ final: TemplateValue?) throws -> TemplateValue {
        site = .arg(node)
        guard let fn = functions[name] else { throw errorf("\(GoQuote.quote(name)) is not a defined function") }
        return try evalCall(dot, fn, callSite: callSite, name, args, final)
    }

    private func evalCall(_ dot: TemplateValue, _ fn: TemplateFunction, callSite: TemplateSite, _ name: String,
                          _ args: [TemplateArg]?, _ final: TemplateValue?) throws -> TemplateValue {
        let argNodes = Array((args ?? []).dropFirst())
        let numIn = argNodes.count + (final == nil ? 0 : 1)
        if fn.variadic != nil {
            if numIn < fn.params.count {
                throw errorf("wrong number of args for \(name): want at least \(fn.params.count) got \(argNodes.count)")
            }
        } else if numIn != fn.params.count {
            throw errorf("wrong number of args for \(name): want \(fn.params.count) got \(numIn)")
        }
        switch fn.body {
        case .and, .or:
            let isOr: Bool
            if case .or = fn.body { isOr = true } else { isOr = false }
            var v: TemplateValue = .none
            for a in argNodes {
                v = try evalArg(dot, .any, a)
                if v.isTrue == isOr { return v }
            }
            if let final { v = try validateType(final, .any) }
            return v
        case .plain(let body):
            var argv: [TemplateValue] = []
            for (i, a) in argNodes.enumerated() {
                argv.append(try evalArg(dot, i < fn.params.count ? fn.params[i] : fn.variadic ?? .any, a))
            }
            if let final {
                let t: GoParam
                if let variadic = fn.variadic {
                    t = numIn - 1 < fn.params.count ? fn.params[numIn - 1] : variadic
                } else {
                    t = fn.params[fn.params.count - 1]
                }
                argv.append(try validateType(final, t))
            }
            let result: TemplateValue
            do {
                result = try body(argv)
            } catch let e as FunctionError {
                site = callSite
                throw errorf("error calling \(name): \(e.message)")
            }
            try checkSize(result)
            return result
        }
    }

    func validateType(_ value: TemplateValue, _ type: GoParam) throws -> TemplateValue {
        if case .none = value {
            if type.canBeNil { return type.zero }
            throw errorf("invalid value; expected \(type.goName)")
        }
        switch (type, value) {
        case (.any, _), (.string, .string), (.float, .float), (.int, .int), (.bool, .bool):
            return value
        case (.sample, .record(let r)) where r.typeName == QueryResultSample.goTypeName:
            return value
        case (.queryResult, .array(_, let t)) where t == QueryResultSample.resultTypeName:
            return value
        default:
            throw errorf("wrong type for value; expected \(type.goName); got \(value.goTypeName)")
        }
    }

    private func evalArg(_ dot: TemplateValue, _ type: GoParam, _ node: TemplateArg) throws -> TemplateValue {
        site = .arg(node)
        switch node {
        case .dot:
            return try validateType(dot, type)
        case .nilValue:
            if type.canBeNil { return type.zero }
            throw errorf("cannot assign nil to \(type.goName)")
        case .field(_, let idents):
            site = .arg(node)
            return try validateType(evalFieldChain(dot, dot, node, idents, [node], nil), type)
        case .variable(_, let idents):
            return try validateType(evalVariable(dot, node, idents, nil, nil), type)
        case .pipe(let p):
            return try validateType(evalPipeline(dot, p), type)
        case .identifier(_, let name):
            return try validateType(evalFunction(dot, node, name, callSite: .arg(node), nil, nil), type)
        case .chain:
            return try validateType(evalChain(dot, node, nil, nil), type)
        default:
            break
        }
        switch type {
        case .bool:
            if case .bool(_, let b) = node { return .bool(b) }
            throw errorf("expected bool; found \(node)")
        case .float:
            if case .number(_, let n) = node, n.isFloat { return .float(n.float) }
            throw errorf("expected float; found \(node)")
        case .int:
            if case .number(_, let n) = node, n.isInt { return .int(Int(n.int)) }
            throw errorf("expected integer; found \(node)")
        case .string:
            if case .string(_, _, let text) = node { return .string(text) }
            throw errorf("expected string; found \(node)")
        case .any:
            switch node {
            case .bool(_, let b): return .bool(b)
            case .number(_, let n): return try idealConstant(node, n)
            case .string(_, _, let text): return .string(text)
            default: throw errorf("can't handle assignment of \(node) to empty interface argument")
            }
        case .sample, .queryResult:
            throw errorf("can't handle \(node) for arg of type \(type.goName)")
        }
    }
}
