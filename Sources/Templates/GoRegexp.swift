import TimeSeries
/// Go `regexp` behaviour for `match` and `reReplaceAll`: unanchored leftmost-first matching on
/// Unicode scalars, `ReplaceAllString` semantics for empty matches and `$1`/`${name}` expansion.
enum GoRegexp {
    static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern).matchingSemantics(.unicodeScalar)
        } catch {
            throw FunctionError("error parsing regexp: invalid pattern: \(quoteForRegexp(pattern))")
        }
    }

    /// How Go's `regexp.MustCompile` quotes a pattern in its panic text.
    static func quoteForRegexp(_ pattern: String) -> String {
        GoQuote.canBackquote(pattern) ? "`" + pattern + "`" : GoQuote.quote(pattern)
    }

    /// `regexp.MatchString`.
    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let re = try compile(pattern)
        return (try? re.firstMatch(in: text)) != nil
    }

    /// `regexp.MustCompile(pattern).ReplaceAllString(text, repl)`.
    static func replaceAll(_ pattern: String, _ repl: String, _ text: String) throws -> String {
        let re: Regex<AnyRegexOutput>
        do {
            re = try compile(pattern)
        } catch let e as FunctionError {
            throw FunctionError("regexp: Compile(\(quoteForRegexp(pattern))): \(e.message)")
        }
        var out = String.UnicodeScalarView()
        let scalars = text.unicodeScalars
        var last = scalars.startIndex
        var previousEnd: String.Index?
        for match in text.matches(of: re) {
            let range = match.range
            if range.isEmpty, let previousEnd, range.lowerBound == previousEnd { continue }
            out.append(contentsOf: scalars[last..<range.lowerBound])
            out.append(contentsOf: expand(repl, match, scalars).unicodeScalars)
            last = range.upperBound
            previousEnd = range.upperBound
        }
        out.append(contentsOf: scalars[last...])
        return String(out)
    }

    /// `Regexp.Expand`: `$n`, `${n}`, `$name`, `${name}` and `$$`; unknown groups expand to "".
    private static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match, _ scalars: String.UnicodeScalarView) -> String {
        var out = ""
        let t = Array(template.unicodeScalars)
        var i = 0
        func group(_ name: String) -> String {
            let output = match.output
            var element: AnyRegexOutput.Element?
            if let n = Int(name), name.allSatisfy(\.isASCII) {
                if n < output.count { element = output[n] }
            } else {
                element = output.first { $0.name == name }
            }
            guard let range = element?.range else { return "" }
            return String(String.UnicodeScalarView(scalars[range]))
        }
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s == "_" || (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)))
                || (!s.isASCII && s.properties.isAlphabetic)
        }
        while i < t.count {
            if t[i] != "$" {
                out.unicodeScalars.append(t[i])
                i += 1
                continue
            }
            i += 1
            guard i < t.count else {
                out += "$"
                break
            }
            if t[i] == "$" {
                out += "$"
                i += 1
                continue
            }
            if t[i] == "{" {
                if let close = t[(i + 1)...].firstIndex(of: "}"), close > i + 1,
                   t[(i + 1)..<close].allSatisfy(isWordScalar) {
                    out += group(String(String.UnicodeScalarView(t[(i + 1)..<close])))
                    i = close + 1
                } else {
                    out += "$"
                }
                continue
            }
            var j = i
            while j < t.count && isWordScalar(t[j]) { j += 1 }
            if j == i {
                out += "$"
                continue
            }
            out += group(String(String.UnicodeScalarView(t[i..<j])))
            i = j
        }
        return out
    }
}
