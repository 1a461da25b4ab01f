import TimeSeries

/// Canonical PromQL text, shaped as Prometheus's `String()` methods print the AST.
extension Expr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let v, _): return GoFloat.format(v)
        case .string(let s, _): return GoQuote.promql(s)
        case .vectorSelector(let v): return v.description
        case .matrixSelector(let m):
            var inner = m.selector
            inner.offset = 0
            inner.at = nil
            return inner.description + "[\(Duration.format(m.range))]" + ExprText.modifiers(m.selector.at, m.selector.offset)
        case .subquery(let s):
            let step = s.step == 0 ? "" : Duration.format(s.step)
            return "\(s.expr)[\(Duration.format(s.range)):\(step)]" + ExprText.modifiers(s.at, s.offset)
        case .paren(let e, _): return "(\(e))"
        case .unary(let op, let e, _): return "\(op.rawValue)\(e)"
        case .binary(let b):
            var s = "\(b.lhs) \(b.op.rawValue)"
            if b.returnBool { s += " bool" }
            if let m = b.matching, m.on || !m.labels.isEmpty {
                s += " \(m.on ? "on" : "ignoring") (\(m.labels.joined(separator: ", ")))"
                if m.card == .manyToOne || m.card == .oneToMany {
                    s += " group_\(m.card == .manyToOne ? "left" : "right") (\(m.include.joined(separator: ", ")))"
                }
            }
            return s + " \(b.rhs)"
        case .aggregate(let a):
            var s = a.op.rawValue
            if a.without {
                s += " without (\(a.grouping.map(ExprText.labelName).joined(separator: ", "))) "
            } else if !a.grouping.isEmpty {
                s += " by (\(a.grouping.map(ExprText.labelName).joined(separator: ", "))) "
            }
            s += "("
            if let p = a.param { s += "\(p), " }
            return s + "\(a.expr))"
        case .call(let c):
            return "\(c.function.name)(\(c.args.map(\.description).joined(separator: ", ")))"
        }
    }
}

extension VectorSelector: CustomStringConvertible {
    public var description: String {
        var parts: [String] = []
        for m in matchers {
            if m.name == metricNameLabel && m.kind == .equal && m.value == name && !name.isEmpty { continue }
            parts.append(ExprText.matcher(m))
        }
        parts.sort()
        let mods = ExprText.modifiers(at, offset)
        let shownName = ExprText.isLegacyMetricName(name) || name.isEmpty ? name : ""
        if !shownName.isEmpty || name.isEmpty {
            if parts.isEmpty { return shownName + mods }
            return "\(shownName){\(parts.joined(separator: ","))}\(mods)"
        }
        // A UTF-8 metric name goes inside the braces, quoted.
        return "{\(([GoQuote.promql(name)] + parts).joined(separator: ","))}\(mods)"
    }
}

/// Helpers for printing names, matchers and modifiers.
enum ExprText {
    static func isLegacyLabelName(_ s: String) -> Bool {
        guard let f = s.utf8.first, Lexer.isAlpha(f) else { return false }
        return s.utf8.allSatisfy(Lexer.isAlphaNumeric)
    }

    static func isLegacyMetricName(_ s: String) -> Bool {
        guard let f = s.utf8.first, Lexer.isAlpha(f) || f == UInt8(ascii: ":") else { return false }
        return s.utf8.allSatisfy { Lexer.isAlphaNumeric($0) || $0 == UInt8(ascii: ":") }
    }

    static func labelName(_ s: String) -> String { isLegacyLabelName(s) ? s : GoQuote.promql(s) }

    static func matcher(_ m: LabelMatcher) -> String {
        "\(labelName(m.name))\(m.kind.rawValue)\(GoQuote.promql(m.value))"
    }

    static func modifiers(_ at: AtModifier?, _ offset: Int64) -> String {
        var s = ""
        switch at {
        case .timestamp(let t)?: s += " @ " + formatMillis(t)
        case .start?: s += " @ start()"
        case .end?: s += " @ end()"
        case nil: break
        }
        if offset > 0 { s += " offset \(Duration.format(offset))" }
        if offset < 0 { s += " offset -\(Duration.format(-offset))" }
        return s
    }

    /// `%.3f` of milliseconds as seconds.
    static func formatMillis(_ t: Int64) -> String {
        let neg = t < 0
        let a = t.magnitude
        let frac = String(a % 1000)
        return (neg ? "-" : "") + "\(a / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
