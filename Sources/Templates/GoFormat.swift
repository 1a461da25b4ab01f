import Foundation
import TimeSeries

/// Go's `fmt.Sprint`, `Sprintln` and `Sprintf` over template values, because templates print
/// through `fmt` and Prometheus's annotations are defined by its output.
enum GoFormat {
    struct Flags {
        var minus = false, plus = false, sharp = false, space = false, zero = false
        var width: Int?
        var precision: Int?
    }

    /// `fmt.Sprint`: operands joined, with a space between two operands when neither is a string.
    static func sprint(_ args: [TemplateValue]) -> String {
        var out = ""
        var previousIsString = false
        for (i, arg) in args.enumerated() {
            let isString: Bool
            if case .string = arg { isString = true } else { isString = false }
            if i > 0 && !isString && !previousIsString { out += " " }
            out += format(arg, verb: "v", Flags(), depth: 0)
            previousIsString = isString
        }
        return out
    }

    /// `fmt.Sprintln`: operands always separated by spaces, newline appended.
    static func sprintln(_ args: [TemplateValue]) -> String {
        args.map { format($0, verb: "v", Flags(), depth: 0) }.joined(separator: " ") + "\n"
    }

    /// `fmt.Sprintf` with Go's verbs, flags, width and precision, and its `%!` error forms.
    static func sprintf(_ formatString: String, _ args: [TemplateValue]) -> String {
        let chars = Array(formatString.unicodeScalars)
        var out = ""
        var argNum = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c != "%" {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            i += 1
            var flags = Flags()
            flagLoop: while i < chars.count {
                switch chars[i] {
                case "-": flags.minus = true; flags.zero = false
                case "+": flags.plus = true
                case "#": flags.sharp = true
                case " ": flags.space = true
                case "0": flags.zero = !flags.minus
                default: break flagLoop
                }
                i += 1
            }
            var badWidth = false
            if i < chars.count && chars[i] == "*" {
                i += 1
                if argNum < args.count, case .int(let w) = args[argNum], abs(w) <= 1_000_000 {
                    flags.width = abs(w)
                    if w < 0 { flags.minus = true; flags.zero = false }
                } else {
                    badWidth = true
                }
                argNum += 1
            } else if let parsed = number(chars, i) {
                if parsed.tooLarge {
                    out += "%!(NOVERB)"
                    break
                }
                flags.width = parsed.value
                i = parsed.next
            }
            var badPrec = false
            if i < chars.count && chars[i] == "." {
                i += 1
                if i < chars.count && chars[i] == "*" {
                    i += 1
                    if argNum < args.count, case .int(let p) = args[argNum], p >= 0, p <= 1_000_000 {
                        flags.precision = p
                    } else {
                        badPrec = true
                    }
                    argNum += 1
                } else if let parsed = number(chars, i) {
                    if parsed.tooLarge {
                        out += "%!(NOVERB)"
                        break
                    }
                    flags.precision = parsed.value
                    i = parsed.next
                } else {
                    flags.precision = 0
                }
            }
            if badWidth { out += "%!(BADWIDTH)" }
            if badPrec { out += "%!(BADPREC)" }
            guard i < chars.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = Character(chars[i])
            i += 1
            if verb == "%" {
                out += "%"
                continue
            }
            guard argNum < args.count else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            out += format(args[argNum], verb: verb, flags, depth: 0)
            argNum += 1
        }
        if argNum < args.count {
            out += "%!(EXTRA "
            out += args[argNum...].map { arg -> String in
                if case .none = arg { return "<nil>" }
                return arg.goTypeName + "=" + format(arg, verb: "v", Flags(), depth: 0)
            }.joined(separator: ", ")
            out += ")"
        }
        return out
    }

    /// Go's `parsenum`: nil when absent; `tooLarge` when a digit follows a value above 1e6,
    /// in which case Go abandons the rest of the format with `%!(NOVERB)`.
    private static func number(_ chars: [Unicode.Scalar], _ start: Int) -> (value: Int, next: Int, tooLarge: Bool)? {
        var i = start
        var n = 0
        while i < chars.count, chars[i].isASCII, let d = Int(String(chars[i])) {
            if n > 1_000_000 { return (0, chars.count, true) }
            n = n * 10 + d
            i += 1
        }
        return i > start ? (n, i, false) : nil
    }

    static func badVerb(_ v: TemplateValue, _ verb: Character) -> String {
        if case .none = v { return "%!\(verb)(<nil>)" }
        return "%!\(verb)(\(v.goTypeName)=\(format(v, verb: "v", Flags(), depth: 0)))"
    }

    /// Formats one operand for a verb.
    static func format(_ v: TemplateValue, verb: Character, _ f: Flags, depth: Int) -> String {
        switch v {
        case .none:
            return verb == "v" ? pad("<nil>", f) : badVerb(v, verb)
        case .bool(let b):
            return verb == "v" || verb == "t" ? pad(b ? "true" : "false", f) : badVerb(v, verb)
        case .int(let n):
            return "bcdoOqxXUv".contains(verb) ? integer(n, verb: verb, f) : badVerb(v, verb)
        case .float(let x):
            return "eEfFgGv".contains(verb) ? float(x, verb: verb, f) : badVerb(v, verb)
        case .string(let s):
            return "vsqxX".contains(verb) ? string(s, verb: verb, f) : badVerb(v, verb)
        case .time(let t):
            return "vsqxX".contains(verb) ? string(t.description, verb: verb, f) : badVerb(v, verb)
        case .stringMap(let m):
            let body = m.keys.sorted(by: GoFormat.byteOrder).map {
                string($0, verb: verb, f) + ":" + string(m[$0]!, verb: verb, f)
            }
            return "map[" + body.joined(separator: " ") + "]"
        case .map(let m):
            let body = m.keys.sorted(by: GoFormat.byteOrder).map {
                string($0, verb: verb, f) + ":" + format(m[$0]!, verb: verb, f, depth: depth + 1)
            }
            return "map[" + body.joined(separator: " ") + "]"
        case .array(let items, _):
            return "[" + items.map { format($0, verb: verb, f, depth: depth + 1) }.joined(separator: " ") + "]"
        case .record(let r):
            let body = "{" + r.fields.map { format($0.value, verb: verb, f, depth: depth + 1) }.joined(separator: " ") + "}"
            return r.isPointer ? "&" + body : body
        }
    }

    /// Go orders strings by their bytes (Swift's `<` uses Unicode canonical ordering).
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Pads to the width in runes: left with spaces (or zeros), right with `-`.
    static func pad(_ s: String, _ f: Flags, zeroAllowed: Bool = true) -> String {
        guard let width = f.width else { return s }
        let n = s.unicodeScalars.count
        guard n < width else { return s }
        let fill = String(repeating: f.zero && zeroAllowed && !f.minus ? "0" : " ", count: width - n)
        return f.minus ? s + fill : fill + s
    }

    /// Pads a signed number, putting zero padding between the sign and the digits.
    private static func padNumber(sign: String, _ digits: String, _ f: Flags) -> String {
        if f.zero && !f.minus, let width = f.width, sign.count + digits.count < width {
            return sign + String(repeating: "0", count: width - sign.count - digits.count) + digits
        }
        var g = f
        g.zero = false
        return pad(sign + digits, g)
    }

    static func integer(_ n: Int, verb: Character, _ f: Flags) -> String {
        switch verb {
        case "c":
            return pad(Unicode.Scalar(UInt32(clamping: max(0, n))).map { String($0) } ?? "\u{FFFD}", f)
        case "q":
            let s = Unicode.Scalar(UInt32(clamping: max(0, n))) ?? "\u{FFFD}"
            return pad(GoQuote.quote(String(s), quote: "'", asciiOnly: f.plus), f)
        case "U":
            let hex = String(UInt64(bitPattern: Int64(n)), radix: 16, uppercase: true)
            var s = "U+" + String(repeating: "0", count: max(0, (f.precision ?? 4) - hex.count)) + hex
            if f.sharp, let sc = Unicode.Scalar(UInt32(clamping: max(0, n))), GoQuote.isPrint(sc) {
                s += " '" + String(sc) + "'"
            }
            return pad(s, f)
        default:
            break
        }
        let base: Int
        switch verb {
        case "b": base = 2
        case "o", "O": base = 8
        case "x", "X": base = 16
        default: base = 10
        }
        var digits = String(n.magnitude, radix: base, uppercase: verb == "X")
        if let p = f.precision {
            if p == 0 && n == 0 { digits = "" }
            if digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
        }
        var prefix = ""
        if f.sharp {
            switch verb {
            case "b": prefix = "0b"
            case "o": if !digits.hasPrefix("0") { prefix = "0" }
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }
        let sign = n < 0 ? "-" : f.plus ? "+" : f.space ? " " : ""
        var g = f
        if f.precision != nil { g.zero = false }
        return padNumber(sign: sign + prefix, digits, g)
    }

    static func float(_ x: Double, verb: Character, _ f: Flags) -> String {
        if x.isNaN || x.isInfinite {
            var s = x.isNaN ? "NaN" : (x < 0 ? "-Inf" : "+Inf")
            if x.isNaN && f.plus { s = "+NaN" } else if x.isNaN && f.space { s = " NaN" }
            else if x > 0 && !f.plus && f.space { s = " Inf" }
            var g = f
            g.zero = false
            return pad(s, g)
        }
        var body: String
        switch verb {
        case "v", "g", "G":
            if let p = f.precision {
                body = String(format: "%.\(p)\(verb == "G" ? "G" : "g")", x.magnitude)
                if f.sharp { body = String(format: "%#.\(p)\(verb == "G" ? "G" : "g")", x.magnitude) }
            } else {
                body = GoFloat.format(x.magnitude)
                if verb == "G" { body = body.uppercased() }
            }
        case "e", "E":
            body = String(format: "%.\(f.precision ?? 6)\(verb)", x.magnitude)
        default:
            body = String(format: "%.\(f.precision ?? 6)f", x.magnitude)
        }
        let sign = x.sign == .minus ? "-" : f.plus ? "+" : f.space ? " " : ""
        return padNumber(sign: sign, body, f)
    }

    static func string(_ s: String, verb: Character, _ f: Flags) -> String {
        switch verb {
        case "q":
            if f.sharp && GoQuote.canBackquote(s) { return pad("`" + s + "`", f) }
            return pad(GoQuote.quote(truncate(s, f), asciiOnly: f.plus), f)
        case "x", "X":
            let bytes = Array(truncate(s, f).utf8)
            let hex = bytes.map { b -> String in
                let h = String(b, radix: 16, uppercase: verb == "X")
                return (h.count < 2 ? "0" : "") + h
            }
            let prefix = f.sharp ? (verb == "X" ? "0X" : "0x") : ""
            if f.space {
                return pad(hex.map { prefix + $0 }.joined(separator: " "), f)
            }
            return pad(prefix + hex.joined(), f)
        default:
            return pad(truncate(s, f), f)
        }
    }

    private static func truncate(_ s: String, _ f: Flags) -> String {
        guard let p = f.precision, s.unicodeScalars.count > p else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
    }
}
