import TimeSeries

/// `label_replace` and `label_join`.
extension Functions {
    static func isValidLabelName(_ s: String) -> Bool {
        !s.isEmpty && !s.unicodeScalars.contains("\u{FFFD}")
    }

    static func labelReplace(_ c: FunctionCall) throws -> Value {
        let dst = c.string(1), repl = c.string(2), src = c.string(3), pattern = c.string(4)
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex("^(?:" + pattern + ")$").dotMatchesNewlines()
        } catch {
            throw EvaluationError("invalid regular expression in label_replace(): \(pattern)")
        }
        if !isValidLabelName(dst) {
            throw EvaluationError("invalid destination label name in label_replace(): \(dst)")
        }
        var out = c.vector(0)
        for i in out.indices {
            let srcVal = out[i].labels[src]
            guard let m = try? regex.wholeMatch(in: srcVal) else { continue }
            let res = expand(repl, m.output)
            out[i].labels = out[i].labels.setting(dst, res)
            if dst == metricNameLabel { out[i].dropName = false }
        }
        try checkDuplicates(out)
        return .vector(out)
    }

    static func labelJoin(_ c: FunctionCall) throws -> Value {
        let dst = c.string(1), sep = c.string(2)
        let srcs = (3..<c.argCount).map { c.string($0) }
        if !isValidLabelName(dst) {
            throw EvaluationError("invalid destination label name in label_join(): \(dst)")
        }
        for s in srcs where !isValidLabelName(s) {
            throw EvaluationError("invalid source label name in label_join(): \(s)")
        }
        var out = c.vector(0)
        for i in out.indices {
            let joined = srcs.map { out[i].labels[$0] }.joined(separator: sep)
            out[i].labels = out[i].labels.setting(dst, joined)
            if dst == metricNameLabel { out[i].dropName = false }
        }
        try checkDuplicates(out)
        return .vector(out)
    }

    static func checkDuplicates(_ v: [VectorSample]) throws {
        var seen = Set<Labels>()
        for s in v where !seen.insert(s.labels).inserted {
            throw EvaluationError("vector cannot contain metrics with the same labelset")
        }
    }

    /// Go's `Regexp.Expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to "".
    static func expand(_ template: String, _ groups: AnyRegexOutput) -> String {
        var out = ""
        let t = Array(template.unicodeScalars)
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
        }
        while i < t.count {
            let ch = t[i]
            if ch != "$" {
                out.unicodeScalars.append(ch)
                i += 1
                continue
            }
            if i + 1 < t.count && t[i + 1] == "$" {
                out += "$"
                i += 2
                continue
            }
            var name = ""
            var j = i + 1
            if j < t.count && t[j] == "{" {
                j += 1
                while j < t.count && isNameChar(t[j]) {
                    name.unicodeScalars.append(t[j])
                    j += 1
                }
                if j >= t.count || t[j] != "}" || name.isEmpty {
                    out += "$"
                    i += 1
                    continue
                }
                j += 1
            } else {
                while j < t.count && isNameChar(t[j]) {
                    name.unicodeScalars.append(t[j])
                    j += 1
                }
                if name.isEmpty {
                    out += "$"
                    i += 1
                    continue
                }
            }
            i = j
            if let n = Int(name), name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                if n < groups.count, let sub = groups[n].substring { out += sub }
            } else if let g = groups[name], let sub = g.substring {
                out += sub
            }
        }
        return out
    }
}

/// Natural ordering ("a2" < "a10") as the `natsort` package used by `sort_by_label`.
enum NaturalSort {
    static func chunks(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var curDigit: Bool?
        for ch in s {
            let d = ch.isASCII && ch.isNumber
            if curDigit != nil && curDigit != d {
                out.append(cur)
                cur = ""
            }
            cur.append(ch)
            curDigit = d
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    static func less(_ a: String, _ b: String) -> Bool {
        let ca = chunks(a), cb = chunks(b)
        for i in ca.indices {
            if i >= cb.count { return false }
            if let x = Int(ca[i]), let y = Int(cb[i]), ca[i].first?.isNumber == true, cb[i].first?.isNumber == true {
                if x == y {
                    if i == ca.count - 1 { return true }
                    if i == cb.count - 1 { return false }
                    continue
                }
                return x < y
            }
            if ca[i] == cb[i] {
                if i == ca.count - 1 { return true }
                if i == cb.count - 1 { return false }
                continue
            }
            return ca[i] < cb[i]
        }
        return false
    }
}
