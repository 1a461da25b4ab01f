import TimeSeries
/// One lexical item of Go template source, with its byte offset and line, as Go's lexer
/// produces them; the parser's error messages print tokens the way Go does.
struct TemplateToken: Equatable {
    enum Kind: Equatable {
        case error, eof, text, comment, leftDelim, rightDelim, space
        case assign, declare, pipe, char, charConstant, leftParen, rightParen
        case bool, number, string, rawString, identifier, field, variable, dot, nilKeyword
        // Keywords.
        case block, breakKeyword, continueKeyword, define, elseKeyword, end, ifKeyword
        case range, template, with

        var isKeyword: Bool {
            switch self {
            case .block, .breakKeyword, .continueKeyword, .define, .elseKeyword, .end, .ifKeyword,
                 .range, .template, .with, .dot, .nilKeyword:
                return true
            default:
                return false
            }
        }
    }

    var kind: Kind
    var pos: Int
    var value: String
    var line: Int

    /// Go's `item.String()`, used in "unexpected X in Y" messages.
    var goDescription: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return value
        default:
            if kind.isKeyword { return "<\(value)>" }
            if value.unicodeScalars.count > 10 {
                return GoQuote.quote(String(String.UnicodeScalarView(value.unicodeScalars.prefix(10)))) + "..."
            }
            return GoQuote.quote(value)
        }
    }

    static let keywords: [String: Kind] = [
        ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword,
        "define": .define, "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range,
        "nil": .nilKeyword, "template": .template, "with": .with,
    ]
}
