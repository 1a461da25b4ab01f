/// One lexical item of a PromQL expression, with its byte offsets for error columns.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case eof
        case identifier          // foo, also keywords (classified by the parser)
        case metricIdentifier    // foo:bar (contains a colon)
        case number
        case duration
        case string
        case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
        case comma, colon, at
        case assign              // =  (label matcher)
        case equal               // ==
        case notEqual            // !=
        case regexMatch          // =~
        case regexNoMatch        // !~
        case less, lessEqual, greater, greaterEqual
        case add, sub, mul, div, mod, pow
    }

    public var kind: Kind
    /// The source text (for strings: the unescaped value).
    public var text: String
    /// Byte offset of the first byte in the query.
    public var pos: Int
    /// Byte offset after the last byte.
    public var end: Int

    /// How Prometheus names this token in "unexpected ..." messages.
    var describe: String {
        switch kind {
        case .eof: return "end of input"
        case .identifier, .metricIdentifier:
            let lower = text.lowercased()
            if Keywords.aggregators.contains(lower) { return "aggregation \"\(lower)\"" }
            if Keywords.binaryKeywords.contains(lower) || Keywords.modifiers.contains(lower) {
                return "\(lower)"
            }
            return "identifier \"\(text)\""
        case .number: return "number \"\(text)\""
        case .duration: return "duration \"\(text)\""
        case .string: return "string"
        case .leftParen: return "\"(\""
        case .rightParen: return "\")\""
        case .leftBrace: return "\"{\""
        case .rightBrace: return "\"}\""
        case .leftBracket: return "\"[\""
        case .rightBracket: return "\"]\""
        case .comma: return "\",\""
        case .colon: return "\":\""
        case .at: return "\"@\""
        case .assign: return "\"=\""
        case .equal: return "\"==\""
        case .notEqual: return "\"!=\""
        case .regexMatch: return "\"=~\""
        case .regexNoMatch: return "\"!~\""
        case .less: return "\"<\""
        case .lessEqual: return "\"<=\""
        case .greater: return "\">\""
        case .greaterEqual: return "\">=\""
        case .add: return "\"+\""
        case .sub: return "\"-\""
        case .mul: return "\"*\""
        case .div: return "\"/\""
        case .mod: return "\"%\""
        case .pow: return "\"^\""
        }
    }
}

/// PromQL's reserved words, grouped as the parser needs them.
enum Keywords {
    static let aggregators: Set<String> = [
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk",
        "count_values", "quantile", "limitk", "limit_ratio",
    ]
    static let binaryKeywords: Set<String> = ["and", "or", "unless", "atan2"]
    static let modifiers: Set<String> = [
        "bool", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
    ]
}
