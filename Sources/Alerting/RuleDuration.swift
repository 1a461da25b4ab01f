import TimeSeries
/// Prometheus's `model.Duration` in milliseconds: `ParseDuration` for rule and test files and
/// `String()` for messages, so `for: 5m` reads and prints exactly as Prometheus does.
public enum RuleDuration {
    private static let units: [(name: String, ms: Int64)] = [
        ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Why a duration string did not parse, worded as Prometheus words it.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `model.ParseDuration`: units largest first, each at most once; `0` alone is zero.
    public static func parse(_ s: String) throws(Invalid) -> Int64 {
        if s.isEmpty { throw Invalid(description: "empty duration string") }
        if s == "0" { return 0 }
        let b = Array(s.utf8)
        var i = 0
        var total: Int64 = 0
        var lastUnit = -1
        let bad = Invalid(description: "not a valid duration string: \(GoQuote.quote(s))")
        while i < b.count {
            var n: Int64 = 0
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 0x30))
                if o1 || o2 { throw Invalid(description: "duration out of range") }
                n = a
                i += 1
            }
            guard i > start, i < b.count else { throw bad }
            var unit = String(UnicodeScalar(b[i]))
            i += 1
            if unit == "m", i < b.count, b[i] == UInt8(ascii: "s") {
                unit = "ms"
                i += 1
            }
            guard let idx = units.firstIndex(where: { $0.name == unit }), idx > lastUnit else { throw bad }
            lastUnit = idx
            let (p, o1) = n.multipliedReportingOverflow(by: units[idx].ms)
            let (sum, o2) = total.addingReportingOverflow(p)
            // Go's time.Duration counts nanoseconds: anything past 2^63 ns is out of range.
            if o1 || o2 || sum > Int64.max / 1_000_000 { throw Invalid(description: "duration out of range") }
            total = sum
        }
        return total
    }

    /// `model.Duration.String()`: `1d`, `5m`, `2m59s999ms`, `0s`; years and weeks only when exact.
    public static func format(_ ms: Int64) -> String {
        if ms == 0 { return "0s" }
        if ms < 0 { return "-" + format(ms == .min ? .max : -ms) }
        var rest = ms
        var out = ""
        for (name, mult) in units {
            if (name == "y" || name == "w") && rest % mult != 0 { continue }
            let v = rest / mult
            if v > 0 {
                out += "\(v)\(name)"
                rest -= v * mult
            }
        }
        return out
    }

    /// Go's `time.Duration.String()` for a whole number of milliseconds: `0s`, `500ms`,
    /// `1m0s`, `24h0m0s`, `1.5s`.
    public static func goString(_ ms: Int64) -> String {
        if ms == 0 { return "0s" }
        let negative = ms < 0
        let u = ms.magnitude
        var out: String
        if u < 1000 {
            out = "\(u)ms"
        } else {
            let totalSeconds = u / 1000
            let frac = u % 1000
            var secText = "\(totalSeconds % 60)"
            if frac > 0 {
                var f = String(frac)
                f = String(repeating: "0", count: 3 - f.count) + f
                while f.hasSuffix("0") { f.removeLast() }
                secText += "." + f
            }
            secText += "s"
            let minutes = totalSeconds / 60
            if minutes == 0 {
                out = secText
            } else if minutes < 60 {
                out = "\(minutes)m" + secText
            } else {
                out = "\(minutes / 60)h\(minutes % 60)m" + secText
            }
        }
        return negative ? "-" + out : out
    }
}
