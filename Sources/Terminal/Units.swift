/// Formats values for axes, legends and tables in their unit, with about three significant digits,
/// and infers a unit from a Prometheus metric name's suffix.
public enum Units {
    /// `value` in `unit`, e.g. `1.5ms`, `2.3GiB`, `42%`, `1.2k ops/s`. NaN shows as `NaN`, infinities
    /// as `+Inf`/`-Inf`. With `compact`, rates use `/s` instead of ` ops/s`.
    public static func format(_ value: Double, _ unit: Unit, compact: Bool = false) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value < 0 { return "-" + format(-value, unit, compact: compact) }
        switch unit {
        case .count: return scaled(value, base: 1000, suffixes: ["", "k", "M", "G", "T", "P", "E"])
        case .opsPerSecond:
            return scaled(value, base: 1000, suffixes: ["", "k", "M", "G", "T", "P", "E"]) + (compact ? "/s" : " ops/s")
        case .bytesSI: return scaled(value, base: 1000, suffixes: ["B", "kB", "MB", "GB", "TB", "PB", "EB"])
        case .bytesIEC: return scaled(value, base: 1024, suffixes: ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"])
        case .bytesPerSecondSI: return format(value, .bytesSI) + "/s"
        case .bytesPerSecondIEC: return format(value, .bytesIEC) + "/s"
        case .percent: return significant(value) + "%"
        case .ratio: return significant(value * 100) + "%"
        case .seconds: return duration(value)
        }
    }

    /// A duration in seconds with the largest unit that keeps the number ≥ 1.
    static func duration(_ s: Double) -> String {
        if s == 0 { return "0s" }
        let steps: [(Double, String)] = [(86400, "d"), (3600, "h"), (60, "m"), (1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
        for (size, suffix) in steps where s >= size * 0.9995 {
            // Past the next unit up after rounding? (e.g. 59.99s shows as 1m)
            return significant(s / size) + suffix
        }
        return significant(s / 1e-9) + "ns"
    }

    /// `value` scaled by powers of `base` until below `base` (after rounding), with the suffix.
    static func scaled(_ value: Double, base: Double, suffixes: [String]) -> String {
        var v = value
        var i = 0
        while i < suffixes.count - 1 && roundedSignificant(v) >= base {
            v /= base
            i += 1
        }
        return significant(v) + suffixes[i]
    }

    /// The value as `significant` would round it (for choosing the scale).
    static func roundedSignificant(_ v: Double) -> Double {
        if v >= 100 { return v.rounded() }
        if v >= 10 { return (v * 10).rounded() / 10 }
        return (v * 100).rounded() / 100
    }

    /// About three significant digits, trailing zeros trimmed: 1234 → 1234, 12.34 → 12.3, 1.234 → 1.23,
    /// 0.001234 → 0.00123. Very large or very small values use an exponent.
    public static func significant(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v < 0 { return "-" + significant(-v) }
        if v == 0 { return "0" }
        if v >= 1e15 || v < 1e-9 { return scientific(v) }
        let digits: Int
        if v >= 100 { digits = 0 } else if v >= 10 { digits = 1 } else if v >= 1 { digits = 2 } else {
            digits = Swift.min(11, 2 - v.log10Floor)
        }
        return fixed(v, digits: digits)
    }

    /// `v` (0 ≤ v < 1e15) with `digits` decimals, trailing zeros and dot trimmed.
    static func fixed(_ v: Double, digits: Int) -> String {
        let m = NiceScale.pow10(digits)
        let scaled = (v * m).rounded()
        guard scaled < 9e18 else { return scientific(v) }
        let n = UInt64(scaled)
        let mi = UInt64(m)
        var whole = String(n / mi)
        if digits > 0 {
            var frac = String(n % mi)
            frac = String(repeating: "0", count: digits - frac.count) + frac
            while frac.last == "0" { frac.removeLast() }
            if !frac.isEmpty { whole += "." + frac }
        }
        return whole
    }

    /// `1.23e+18` style.
    static func scientific(_ v: Double) -> String {
        var e = v.log10Floor
        var mantissa = v / NiceScale.pow10(e)
        if (mantissa * 100).rounded() >= 1000 { mantissa /= 10; e += 1 }
        return fixed(mantissa, digits: 2) + "e" + (e < 0 ? "-" : "+") + (Swift.abs(e) < 10 ? "0" : "") + String(Swift.abs(e))
    }

    /// A formatter closure for charts and tables.
    public static func formatter(_ unit: Unit, compact: Bool = true) -> @Sendable (Double) -> String {
        { format($0, unit, compact: compact) }
    }

    /// The unit a metric's name suggests, following Prometheus naming conventions. `rated` says the
    /// value is a per-second rate (`rate()`/`irate()` of a counter).
    ///
    /// `_seconds` → seconds (a rated `_seconds_total`/`_seconds_sum` is seconds per second: a plain
    /// count); `_bytes` → bytes, or bytes/s when rated; `_ratio` → ratio; `_percent` → percent;
    /// `_total`/`_count` → ops/s when rated, counts otherwise.
    public static func infer(metricName: String, rated: Bool = false) -> Unit {
        var name = Substring(metricName.lowercased())
        // A histogram's or summary's `_count` counts observations, whatever their unit.
        if name.hasSuffix("_count") { return rated ? .opsPerSecond : .count }
        var counter = false
        for suffix in ["_total", "_sum", "_bucket"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            counter = suffix != "_bucket"
            break
        }
        if name.hasSuffix("_timestamp_seconds") { return .count }
        if name.hasSuffix("_seconds") { return rated && counter ? .count : .seconds }
        if name.hasSuffix("_bytes") { return rated ? .bytesPerSecondIEC : .bytesIEC }
        if name.hasSuffix("_ratio") { return .ratio }
        if name.hasSuffix("_percent") { return .percent }
        if rated { return .opsPerSecond }
        return .count
    }
}
