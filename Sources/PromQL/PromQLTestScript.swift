import Foundation
import TimeSeries

/// A Prometheus `promqltest` script (`load`, `clear`, `eval ...` with expected results), parsed
/// so it can be run against this engine. `run()` reports every case as passed, failed or skipped.
public struct PromQLTestScript: Sendable {
    struct Expectation: Sendable {
        var message: String?
        var regex: String?

        func matches(_ s: String) -> Bool {
            if let message { return message == s }
            guard let regex, let re = try? Regex(regex) else { return true }
            return (try? re.firstMatch(in: s)) != nil
        }
    }

    struct ExpectedSeries: Sendable {
        var labels: Labels
        var values: [Double?]
        var position: Int
    }

    struct EvalCase: Sendable {
        enum Kind: Sendable {
            case instant(at: Int64)
            case range(start: Int64, end: Int64, step: Int64)
        }
        var expr: String
        var line: Int
        var kind: Kind
        var fail = false
        var ordered = false
        var warn = false
        var info = false
        var failMessage: String?
        var failRegex: String?
        var expectFail: [Expectation] = []
        var expectWarn: [Expectation] = []
        var expectInfo: [Expectation] = []
        var noWarn = false
        var noInfo = false
        var expectedScalar: Double?
        var expectedSeries: [ExpectedSeries] = []
        var expectedString: String?
        var rangeVector: (start: Int64, end: Int64, step: Int64)?
        var expectsHistograms = false

        var isFail: Bool { fail || !expectFail.isEmpty || failMessage != nil || failRegex != nil }
    }

    enum Command: Sendable {
        case load(interval: Int64, series: [SeriesDescription], withNHCB: Bool)
        case clear
        case eval(EvalCase)
    }

    public let file: String
    var commands: [Command] = []

    public struct SyntaxError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Parses a script; `file` is used in messages.
    public static func parse(text: String, file: String) throws -> PromQLTestScript {
        var script = PromQLTestScript(file: file)
        let lines = text.components(separatedBy: "\n").map { raw -> String in
            let t = raw.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix("#") ? "" : t
        }
        var i = 0
        func fail(_ msg: String) -> SyntaxError { SyntaxError(file: file, line: i + 1, message: msg) }
        while i < lines.count {
            let l = lines[i]
            if l.isEmpty {
                i += 1
                continue
            }
            let word = l.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { String($0).lowercased() } ?? ""
            if word == "clear" {
                script.commands.append(.clear)
                i += 1
            } else if word.hasPrefix("load") {
                let rest = l.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
                guard let interval = try? Duration.parse(rest) else { throw fail("invalid load interval \(rest)") }
                var series: [SeriesDescription] = []
                i += 1
                while i < lines.count, !lines[i].isEmpty {
                    do { series.append(try SeriesDescription.parse(lines[i])) } catch { throw fail("\(error)") }
                    i += 1
                }
                script.commands.append(.load(interval: interval, series: series, withNHCB: word == "load_with_nhcb"))
            } else if word.hasPrefix("eval") {
                let (c, next) = try parseEval(lines, i, file: file)
                script.commands.append(.eval(c))
                i = next
            } else {
                throw fail("invalid command \(l)")
            }
        }
        return script
    }

    private static func parseEval(_ lines: [String], _ start: Int, file: String) throws -> (EvalCase, Int) {
        let l = lines[start]
        func fail(_ msg: String) -> SyntaxError { SyntaxError(file: file, line: start + 1, message: msg) }
        let instant = /^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(\S+?))?\s+(.+)$/
        let range = /^eval(?:_(fail|warn|info))?\s+range\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+?)\s+(.+)$/
        var c: EvalCase
        var mod = ""
        if let m = l.wholeMatch(of: instant) {
            mod = m.1.map(String.init) ?? ""
            guard let at = try? Duration.parse(String(m.2 ?? "0")) else { throw fail("invalid timestamp \(m.2 ?? "")") }
            c = EvalCase(expr: String(m.3), line: start + 1, kind: .instant(at: at))
        } else if let m = l.wholeMatch(of: range) {
            mod = m.1.map(String.init) ?? ""
            guard let from = try? Duration.parse(String(m.2)), let to = try? Duration.parse(String(m.3)),
                  let step = try? Duration.parse(String(m.4)) else { throw fail("invalid range definition") }
            c = EvalCase(expr: String(m.5), line: start + 1, kind: .range(start: from, end: to, step: step))
        } else {
            throw fail("invalid evaluation command \(l)")
        }
        switch mod {
        case "fail": c.fail = true
        case "warn": c.warn = true
        case "info": c.info = true
        case "ordered": c.ordered = true
        default: break
        }
        let expectRe = /^expect\s+(ordered|fail|warn|no_warn|info|no_info)(?:\s+(regex|msg):(.+))?$/
        let rangeRe = /^expect range vector\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+)$/
        var i = start + 1
        var pos = 1
        while i < lines.count, !lines[i].isEmpty {
            let d = lines[i]
            i += 1
            if c.fail && d.hasPrefix("expected_fail_message") {
                c.failMessage = d.dropFirst("expected_fail_message".count).trimmingCharacters(in: .whitespaces)
                break
            }
            if c.fail && d.hasPrefix("expected_fail_regexp") {
                c.failRegex = d.dropFirst("expected_fail_regexp".count).trimmingCharacters(in: .whitespaces)
                break
            }
            if let m = d.wholeMatch(of: rangeRe) {
                guard let a = try? Duration.parse(String(m.1)), let b = try? Duration.parse(String(m.2)),
                      let s = try? Duration.parse(String(m.3)) else { throw fail("invalid range vector definition") }
                c.rangeVector = (a, b, s)
                continue
            }
            if d.hasPrefix("expect string") {
                let lit = d.dropFirst("expect string".count).trimmingCharacters(in: .whitespaces)
                guard let tok = try? Lexer.tokenize(lit), tok.count == 2, tok[0].kind == .string else {
                    throw fail("expected string literal not valid")
                }
                c.expectedString = tok[0].text
                continue
            }
            if d.split(separator: " ").first == "expect" {
                guard let m = d.wholeMatch(of: expectRe) else { throw fail("invalid expect statement \(d)") }
                var e = Expectation()
                if let kind = m.2, let text = m.3 {
                    let t = text.trimmingCharacters(in: .whitespaces)
                    if kind == "msg" { e.message = t } else { e.regex = t }
                }
                switch m.1 {
                case "ordered": c.ordered = true
                case "fail": c.expectFail.append(e)
                case "warn": c.expectWarn.append(e)
                case "no_warn": c.noWarn = true
                case "info": c.expectInfo.append(e)
                case "no_info": c.noInfo = true
                default: break
                }
                continue
            }
            if d.contains("{{") { c.expectsHistograms = true }
            if let v = scriptNumber(d) {
                c.expectedScalar = v
                break
            }
            if c.expectsHistograms { continue }
            do {
                let sd = try SeriesDescription.parse(d)
                if sd.hasHistograms {
                    c.expectsHistograms = true
                    continue
                }
                c.expectedSeries.append(ExpectedSeries(labels: sd.labels, values: sd.values, position: pos))
                pos += 1
            } catch {
                throw SyntaxError(file: file, line: i, message: "\(error)")
            }
        }
        return (c, i)
    }

    /// Go's `ParseInt(s, 0, 64)` then `ParseFloat(s, 64)`, as the script format reads a scalar.
    static func scriptNumber(_ s: String) -> Double? {
        var t = s
        var sign = 1.0
        if t.hasPrefix("-") || t.hasPrefix("+") {
            if t.hasPrefix("-") { sign = -1 }
            t.removeFirst()
        }
        let lower = t.lowercased()
        if lower == "inf" || lower == "infinity" { return sign * .infinity }
        if lower == "nan" { return .nan }
        if lower.hasPrefix("0x"), let v = UInt64(lower.dropFirst(2), radix: 16) { return sign * Double(v) }
        guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let v = Double(t) else { return nil }
        return sign * v
    }
}
