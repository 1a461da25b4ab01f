import Foundation
import TimeSeries

/// Selectors, label matchers, ranges, subqueries and the `offset`/`@` modifiers.
extension Parser {
    mutating func parseSelector(name: String?, pos: Int) throws(ParseError) -> VectorSelector {
        var matchers: [LabelMatcher] = []
        var metricName = name ?? ""
        if current.kind == .leftBrace {
            advance()
            while current.kind != .rightBrace {
                let nameTok = current
                guard nameTok.kind == .identifier || nameTok.kind == .string else {
                    throw unexpected(nameTok, context: "label matching", expected: "label matching operator")
                }
                advance()
                if nameTok.kind == .string && (current.kind == .comma || current.kind == .rightBrace) {
                    // A lone quoted string is the metric name: {"metric.name"}.
                    if !metricName.isEmpty {
                        throw error(at: nameTok, "metric name must not be set twice: \"\(metricName)\" or \"\(nameTok.text)\"")
                    }
                    metricName = nameTok.text
                } else {
                    let kind: LabelMatcher.Kind
                    switch current.kind {
                    case .assign: kind = .equal
                    case .notEqual: kind = .notEqual
                    case .regexMatch: kind = .regexMatch
                    case .regexNoMatch: kind = .regexNoMatch
                    default:
                        throw unexpected(current, context: "label matching", expected: "label matching operator")
                    }
                    advance()
                    let valueTok = current
                    guard valueTok.kind == .string else {
                        throw unexpected(valueTok, context: "label matching", expected: "string")
                    }
                    advance()
                    do {
                        matchers.append(try LabelMatcher(kind, nameTok.text, valueTok.text))
                    } catch {
                        throw self.error(at: valueTok, "\(error)")
                    }
                }
                if current.kind == .comma {
                    advance()
                } else if current.kind != .rightBrace {
                    throw unexpected(current, context: "label matching", expected: "\",\" or \"}\"")
                }
            }
            advance()
        }
        if let name, matchers.contains(where: { $0.name == metricNameLabel }) {
            throw error(at: pos, "metric name must not be set twice: \"\(name)\" or \"\(matchers.first { $0.name == metricNameLabel }!.value)\"")
        }
        if !metricName.isEmpty {
            if name == nil, matchers.contains(where: { $0.name == metricNameLabel }) {
                throw error(at: pos, "metric name must not be set twice")
            }
            matchers.insert(try! LabelMatcher(.equal, metricNameLabel, metricName), at: 0)
        } else if let m = matchers.first(where: { $0.name == metricNameLabel && $0.kind == .equal }) {
            metricName = m.value
        }
        if !matchers.contains(where: { !$0.matchesEmpty }) {
            throw error(at: pos, "vector selector must contain at least one non-empty matcher")
        }
        return VectorSelector(name: metricName, matchers: matchers, pos: pos)
    }

    /// Ranges, subqueries, `offset` and `@` after a primary expression.
    mutating func parsePostfix(_ base: Expr) throws(ParseError) -> Expr {
        var e = base
        while true {
            if current.kind == .leftBracket {
                let open = advance()
                let range = try parseDurationValue(context: "range")
                if current.kind == .colon {
                    advance()
                    var step: Int64 = 0
                    if current.kind != .rightBracket { step = try parseDurationValue(context: "subquery step") }
                    _ = try expect(.rightBracket, context: "subquery selector", expected: "\"]\"")
                    if e.type != .vector {
                        throw error(at: open, "subquery is only allowed on instant vector, got \(e.type.rawValue) instead")
                    }
                    if range <= 0 { throw error(at: open, "duration must be greater than 0") }
                    if step < 0 { throw error(at: open, "duration must be greater than 0") }
                    e = .subquery(SubqueryExpr(expr: e, range: range, step: step))
                    continue
                }
                _ = try expect(.rightBracket, context: "matrix selector", expected: "\"]\"")
                guard case .vectorSelector(let vs) = e else {
                    throw error(at: open, "ranges only allowed for vector selectors")
                }
                if vs.offset != 0 || vs.at != nil {
                    throw error(at: open, "no offset or @ modifiers allowed before range")
                }
                if range <= 0 { throw error(at: open, "duration must be greater than 0") }
                e = .matrixSelector(MatrixSelector(selector: vs, range: range))
                continue
            }
            if isKeyword(current, "offset") {
                let tok = advance()
                var sign: Int64 = 1
                if current.kind == .sub {
                    sign = -1
                    advance()
                } else if current.kind == .add {
                    advance()
                }
                let off = sign * (try parseDurationValue(context: "offset"))
                switch e {
                case .vectorSelector(var vs):
                    if vs.offset != 0 { throw error(at: tok, "offset may not be set multiple times") }
                    vs.offset = off
                    e = .vectorSelector(vs)
                case .matrixSelector(var ms):
                    if ms.selector.offset != 0 { throw error(at: tok, "offset may not be set multiple times") }
                    ms.selector.offset = off
                    e = .matrixSelector(ms)
                case .subquery(var sq):
                    if sq.offset != 0 { throw error(at: tok, "offset may not be set multiple times") }
                    sq.offset = off
                    e = .subquery(sq)
                default:
                    throw error(at: tok, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery")
                }
                continue
            }
            if current.kind == .at {
                let tok = advance()
                let at = try parseAtValue()
                switch e {
                case .vectorSelector(var vs):
                    if vs.at != nil { throw error(at: tok, "@ <timestamp> may not be set multiple times") }
                    vs.at = at
                    e = .vectorSelector(vs)
                case .matrixSelector(var ms):
                    if ms.selector.at != nil { throw error(at: tok, "@ <timestamp> may not be set multiple times") }
                    ms.selector.at = at
                    e = .matrixSelector(ms)
                case .subquery(var sq):
                    if sq.at != nil { throw error(at: tok, "@ <timestamp> may not be set multiple times") }
                    sq.at = at
                    e = .subquery(sq)
                default:
                    throw error(at: tok, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery")
                }
                continue
            }
            return e
        }
    }

    /// A duration literal, or a number of seconds.
    mutating func parseDurationValue(context: String) throws(ParseError) -> Int64 {
        let t = current
        switch t.kind {
        case .duration:
            advance()
            guard let ms = try? Duration.parse(t.text) else {
                throw error(at: t, "bad number or duration syntax: \"\(t.text)\"")
            }
            return ms
        case .number:
            advance()
            let secs = try parseNumber(t)
            guard secs.isFinite, abs(secs) < 9.2e15 else {
                throw error(at: t, "duration out of range")
            }
            // Go converts float seconds to nanoseconds, truncating, then to milliseconds.
            let nanos = (secs * 1e9).rounded(.towardZero)
            return Int64(nanos / 1e6)
        default:
            throw unexpected(t, context: context, expected: "number or duration")
        }
    }

    mutating func parseAtValue() throws(ParseError) -> AtModifier {
        let t = current
        if t.kind == .identifier, t.text == "start" || t.text == "end", peek().kind == .leftParen {
            advance()
            advance()
            _ = try expect(.rightParen, context: "@ modifier", expected: "\")\"")
            return t.text == "start" ? .start : .end
        }
        var sign = 1.0
        if current.kind == .sub {
            sign = -1
            advance()
        } else if current.kind == .add {
            advance()
        }
        let nt = current
        if nt.kind == .duration, let ms = try? Duration.parse(nt.text) {
            advance()
            return .timestamp(Int64(sign) * ms)
        }
        guard nt.kind == .number else {
            throw unexpected(nt, context: "@", expected: "timestamp")
        }
        advance()
        let v = sign * (try parseNumber(nt))
        let ms = (v * 1000).rounded()
        guard v.isFinite, ms > -9.2e18, ms < 9.2e18 else {
            throw error(at: nt, "timestamp out of bounds for @ modifier: \(GoFloat.format(v))")
        }
        return .timestamp(Int64(ms))
    }
}
