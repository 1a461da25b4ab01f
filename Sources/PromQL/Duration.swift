/// Prometheus durations (`1h30m`, `500ms`, `1y`) in milliseconds: parsing as `model.ParseDuration`
/// and printing as `model.Duration.String`.
enum Duration {
    private static let units: [(String, Int64)] = [
        ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000),
        ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    struct Invalid: Error {}

    /// Units must appear largest first, each at most once; "0" alone is allowed.
    static func parse(_ s: String) throws -> Int64 {
        if s == "0" { return 0 }
        let b = Array(s.utf8)
        var i = 0
        var total: Int64 = 0
        var lastUnit = -1
        guard !b.isEmpty else { throw Invalid() }
        while i < b.count {
            var n: Int64 = 0
            let ds = i
            while i < b.count, Lexer.isDigit(b[i]) {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 0x30))
                if o1 || o2 { throw Invalid() }
                n = a
                i += 1
            }
            if i == ds || i >= b.count { throw Invalid() }
            var unit = String(UnicodeScalar(b[i]))
            i += 1
            if unit == "m", i < b.count, b[i] == UInt8(ascii: "s") {
                unit = "ms"
                i += 1
            }
            guard let idx = units.firstIndex(where: { $0.0 == unit }), idx > lastUnit else { throw Invalid() }
            lastUnit = idx
            let (p, o) = n.multipliedReportingOverflow(by: units[idx].1)
            if o { throw Invalid() }
            total += p
        }
        return total
    }

    static func format(_ ms: Int64) -> String {
        if ms == 0 { return "0s" }
        if ms < 0 { return "-" + format(-ms) }
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
}
