/// Go's `strings.ToUpper`/`ToLower` (per-rune simple case mapping) and the word title-casing
/// Prometheus's `title` function does with `cases.Title(..., cases.NoLower)`.
enum TextCase {
    private static func simple(_ s: Unicode.Scalar, _ mapping: String) -> Unicode.Scalar {
        let mapped = mapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : s
    }

    static func upper(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { simple($0, $0.properties.uppercaseMapping) }))
    }

    static func lower(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { simple($0, $0.properties.lowercaseMapping) }))
    }

    private static func isWordPart(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .nonspacingMark, .spacingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// Title-cases the first letter of each word, leaving the rest as is.
    static func title(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var inWord = false
        for (i, s) in scalars.enumerated() {
            if isWordPart(s) {
                if !inWord && s.properties.isAlphabetic {
                    out.append(contentsOf: s.properties.titlecaseMapping.unicodeScalars)
                } else {
                    out.append(s)
                }
                inWord = true
            } else {
                out.append(s)
                // Apostrophes, periods and colons between letters stay inside the word (UAX #29).
                let joiner = s == "'" || s == "\u{2019}" || s == "." || s == ":" || s == "\u{B7}"
                let nextIsLetter = i + 1 < scalars.count && scalars[i + 1].properties.isAlphabetic
                inWord = inWord && joiner && nextIsLetter
            }
        }
        return String(out)
    }
}
