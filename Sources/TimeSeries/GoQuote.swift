/// Go's `strconv.Quote`, `unicode.IsPrint` and `%#U`, which appear in template error
/// messages, `printf "%q"` output, PromQL's printed expressions and promtool's messages: one
/// implementation for all of them.
public enum GoQuote {
    /// `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    public static func isPrint(_ s: Unicode.Scalar) -> Bool {
        if s == " " { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// `fmt.Sprintf("%#U", r)`: `U+0041 'A'`, or `U+00A0` when not printable.
    public static func unicodeForm(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return isPrint(s) ? code + " '" + String(s) + "'" : code
    }

    /// `strconv.Quote` (or `QuoteRune` with `quote` = `'`). Swift strings hold no invalid
    /// UTF-8: decoding replaced it with U+FFFD, which Go would have printed as `\x..`; with
    /// `replacementAsInvalid` a U+FFFD is written `\ufffd` so it stays visible as a bad byte.
    public static func quote(_ text: String, quote: Character = "\"", asciiOnly: Bool = false,
                             replacementAsInvalid: Bool = false) -> String {
        var out = String(quote)
        for s in text.unicodeScalars {
            if replacementAsInvalid && s.value == 0xFFFD {
                out += "\\ufffd"
                continue
            }
            out += escape(s, quote: quote, asciiOnly: asciiOnly)
        }
        out.append(quote)
        return out
    }

    public static func escape(_ s: Unicode.Scalar, quote: Character, asciiOnly: Bool) -> String {
        if Character(s) == quote || s == "\\" { return "\\" + String(s) }
        if asciiOnly ? (s.value < 0x80 && isPrint(s)) : isPrint(s) { return String(s) }
        switch s {
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default:
            if s.value < 0x20 || s.value == 0x7F { return "\\x" + hex(s.value, 2) }
            if s.value < 0x10000 { return "\\u" + hex(s.value, 4) }
            return "\\U" + hex(s.value, 8)
        }
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// `strconv.CanBackquote`: no control characters other than tab, no backquote.
    public static func canBackquote(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            s == "\t" || (s != "`" && s.value >= 0x20 && s.value != 0x7F && s != "\u{FEFF}")
        }
    }
}
