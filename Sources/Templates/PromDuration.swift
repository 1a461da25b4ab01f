import TimeSeries
/// Prometheus's duration syntax (`model.ParseDuration`: `1h30m`, `2d`, `500ms`), used by the
/// `parseDuration` template function.
enum PromDuration {
    private static let units: [String: (pos: Int, nanos: UInt64)] = [
        "y": (1, 365 * 24 * 3600 * 1_000_000_000), "w": (2, 7 * 24 * 3600 * 1_000_000_000),
        "d": (3, 24 * 3600 * 1_000_000_000), "h": (4, 3600 * 1_000_000_000),
        "m": (5, 60 * 1_000_000_000), "s": (6, 1_000_000_000), "ms": (7, 1_000_000),
    ]

    /// The duration in nanoseconds.
    static func parse(_ s: String) throws -> Int64 {
        if s == "0" { return 0 }
        if s.isEmpty { throw FunctionError("empty duration string") }
        let invalid = FunctionError("not a valid duration string: \(GoQuote.quote(s))")
        var rest = Substring(s)
        var total: UInt64 = 0
        var lastPos = 0
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let v = UInt64(digits) else { throw invalid }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix { !($0.isASCII && $0.isNumber) }
            guard !unitText.isEmpty else { throw invalid }
            rest = rest.dropFirst(unitText.count)
            guard let unit = units[String(unitText)] else {
                throw FunctionError("unknown unit \(GoQuote.quote(String(unitText))) in duration \(GoQuote.quote(s))")
            }
            guard unit.pos > lastPos else { throw invalid }
            lastPos = unit.pos
            if v > (UInt64(1) << 63) / unit.nanos { throw FunctionError("duration out of range") }
            total += v * unit.nanos
            if total > UInt64(Int64.max) { throw FunctionError("duration out of range") }
        }
        return Int64(total)
    }
}
