import Foundation
import TimeSeries

/// A series line of a test script, `metric{a="b"} 0+10x5 _ stale`, as Prometheus's
/// `ParseSeriesDesc` reads it: labels plus expanded values (nil where omitted).
struct SeriesDescription {
    var labels: Labels
    var values: [Double?]
    /// The line uses native-histogram `{{...}}` values.
    var hasHistograms = false

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ line: String) throws -> SeriesDescription {
        let (labels, rest) = try parseMetric(line)
        if rest.contains("{{") {
            return SeriesDescription(labels: labels, values: [], hasHistograms: true)
        }
        var values: [Double?] = []
        for item in rest.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            values += try expand(String(item))
        }
        return SeriesDescription(labels: labels, values: values)
    }

    /// Splits off `name{labels}` and returns the labels and the remaining text.
    static func parseMetric(_ line: String) throws -> (Labels, String) {
        let s = line.trimmingCharacters(in: .whitespaces)
        var pairs: [Label] = []
        var i = s.startIndex
        var name = ""
        while i < s.endIndex, s[i] != "{", s[i] != " ", s[i] != "\t" {
            name.append(s[i])
            i = s.index(after: i)
        }
        if !name.isEmpty { pairs.append(Label(metricNameLabel, name)) }
        if i < s.endIndex, s[i] == "{" {
            // Find the closing brace outside quotes.
            var j = s.index(after: i)
            var quote: Character?
            while j < s.endIndex {
                let c = s[j]
                if let q = quote {
                    if c == "\\" { j = s.index(after: j) } else if c == q { quote = nil }
                } else if c == "\"" || c == "'" || c == "`" {
                    quote = c
                } else if c == "}" {
                    break
                }
                if j < s.endIndex { j = s.index(after: j) }
            }
            guard j < s.endIndex else { throw Invalid(description: "unterminated label set in \(line)") }
            let body = String(s[s.index(after: i)..<j])
            pairs += try parseLabels(body)
            i = s.index(after: j)
        }
        return (Labels(pairs), String(s[i...]))
    }

    private static func parseLabels(_ body: String) throws -> [Label] {
        let tokens: [Token]
        do { tokens = try Lexer.tokenize("{" + body + "}") } catch { throw Invalid(description: "\(error)") }
        var out: [Label] = []
        var k = 1
        while k < tokens.count, tokens[k].kind != .rightBrace {
            let n = tokens[k]
            guard n.kind == .identifier || n.kind == .string else { throw Invalid(description: "bad label set {\(body)}") }
            if n.kind == .string, k + 1 < tokens.count, tokens[k + 1].kind == .comma || tokens[k + 1].kind == .rightBrace {
                out.append(Label(metricNameLabel, n.text))
                k += 1
            } else {
                guard k + 2 < tokens.count, tokens[k + 1].kind == .assign, tokens[k + 2].kind == .string else {
                    throw Invalid(description: "bad label set {\(body)}")
                }
                out.append(Label(n.text, tokens[k + 2].text))
                k += 3
            }
            if k < tokens.count, tokens[k].kind == .comma { k += 1 }
        }
        return out
    }

    /// One item: `_`, `_xN`, `v`, `vxN`, `a+bxN`, `a-bxN`, `stale`.
    static func expand(_ item: String) throws -> [Double?] {
        if item == "_" { return [nil] }
        if item.hasPrefix("_x"), let n = Int(item.dropFirst(2)) { return Array(repeating: nil, count: n) }
        var chars = Array(item)
        var times: Int?
        if let x = chars.lastIndex(of: "x"), x > 0, let n = Int(String(chars[(x + 1)...])) {
            times = n
            chars = Array(chars[..<x])
        }
        let body = String(chars)
        // Split "a+b" / "a-b" at a sign that is not the leading one nor part of an exponent.
        var splitAt: Int?
        for (idx, c) in chars.enumerated() where idx > 0 && (c == "+" || c == "-") {
            let prev = chars[idx - 1]
            if prev == "e" || prev == "E" { continue }
            splitAt = idx
            break
        }
        var start: Double
        var delta = 0.0
        if let sp = splitAt {
            guard let a = number(String(chars[..<sp])), let d = number(String(chars[sp...])) else {
                throw Invalid(description: "bad series value \(item)")
            }
            start = a
            delta = d
        } else {
            guard let a = number(body) else { throw Invalid(description: "bad series value \(item)") }
            start = a
        }
        guard let n = times else {
            if splitAt != nil { throw Invalid(description: "bad series value \(item)") }
            return [start]
        }
        var out: [Double?] = []
        for _ in 0...n {
            out.append(start)
            start += delta
        }
        return out
    }

    static func number(_ s: String) -> Double? {
        if s == "stale" { return StaleNaN.value }
        var t = s
        var sign = 1.0
        if t.hasPrefix("+") { t.removeFirst() } else if t.hasPrefix("-") {
            t.removeFirst()
            sign = -1
        }
        switch t.lowercased() {
        case "inf": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard let v = Double(t) else { return nil }
        return sign * v
    }
}
