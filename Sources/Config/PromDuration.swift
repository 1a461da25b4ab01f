/// A duration in Prometheus's syntax (`1h30m`, `15s`, `500ms`, `1d`, `1w`, `1y`): integer
/// amounts with units from largest to smallest, each at most once; `0` alone is zero.
public struct PromDuration: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public static func seconds(_ s: Int64) -> PromDuration { PromDuration(milliseconds: s * 1000) }
    public static func minutes(_ m: Int64) -> PromDuration { .seconds(m * 60) }
    public static func hours(_ h: Int64) -> PromDuration { .minutes(h * 60) }

    public var seconds: Double { Double(milliseconds) / 1000 }
    public var isZero: Bool { milliseconds == 0 }

    public static func < (a: PromDuration, b: PromDuration) -> Bool { a.milliseconds < b.milliseconds }

    /// The units in the order they must appear, with their length in milliseconds.
    static let units: [(name: String, ms: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses Prometheus duration syntax; the error text says what is wrong.
    public static func parse(_ text: String) -> Result<PromDuration, DurationError> {
        if text == "0" { return .success(PromDuration(milliseconds: 0)) }
        guard !text.isEmpty else { return .failure(DurationError("an empty duration; write for example 15s")) }
        let chars = Array(text.unicodeScalars)
        var i = 0
        var total: Int64 = 0
        var lastUnit = -1
        while i < chars.count {
            var digits = ""
            while i < chars.count, ("0"..."9").contains(chars[i]) { digits.unicodeScalars.append(chars[i]); i += 1 }
            guard !digits.isEmpty else {
                return .failure(DurationError("expected a number at \"\(String(String.UnicodeScalarView(chars[i...])))\""))
            }
            var unit = ""
            while i < chars.count, !("0"..."9").contains(chars[i]) { unit.unicodeScalars.append(chars[i]); i += 1 }
            guard !unit.isEmpty else {
                return .failure(DurationError("missing unit after \(digits); use ms, s, m, h, d, w or y"))
            }
            guard let index = units.firstIndex(where: { $0.name == unit }) else {
                return .failure(DurationError("unknown unit \"\(unit)\"; use ms, s, m, h, d, w or y"))
            }
            guard index > lastUnit else {
                return .failure(DurationError("units must go from largest to smallest, each at most once (like 1h30m)"))
            }
            lastUnit = index
            guard let amount = Int64(digits) else { return .failure(DurationError("\(digits) is too large")) }
            let (product, overflow1) = amount.multipliedReportingOverflow(by: units[index].ms)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow1, !overflow2 else { return .failure(DurationError("the duration is too large")) }
            total = sum
        }
        return .success(PromDuration(milliseconds: total))
    }

    /// Prometheus's rendering: `1h30m`, `15s`, `500ms`, `0s`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = milliseconds
        var out = milliseconds < 0 ? "-" : ""
        rest = abs(rest)
        for unit in Self.units where rest >= unit.ms {
            out += "\(rest / unit.ms)\(unit.name)"
            rest %= unit.ms
        }
        return out
    }
}

/// Why a duration or size string did not parse (shown after the offending value).
public struct DurationError: Error, Hashable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
