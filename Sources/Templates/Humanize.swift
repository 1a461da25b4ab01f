import TimeSeries

/// Prometheus's number formatting functions (`humanize`, `humanize1024`, `humanizeDuration`,
/// `humanizePercentage`, `humanizeTimestamp`, `toTime`) with their exact outputs and errors.
enum Humanize {
    /// `ConvertToFloat`: floats, ints and numeric strings; anything else is an error.
    static func toFloat(_ v: TemplateValue) throws -> Double {
        switch v {
        case .float(let x): return x
        case .int(let i): return Double(i)
        case .string(let s): return try parseFloat(s)
        default: throw FunctionError("can't convert \(v.goTypeName) to float")
        }
    }

    /// `strconv.ParseFloat(s, 64)` with its error texts.
    static func parseFloat(_ s: String) throws -> Double {
        let lower = s.lowercased()
        let body = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if body == "inf" || body == "infinity" { return lower.hasPrefix("-") ? -.infinity : .infinity }
        if body == "nan" { return .nan }
        let allowed = body.allSatisfy { "0123456789.e+-xp_abcdef".contains($0) }
        guard allowed, !body.isEmpty, let x = GoFloat.parseForTemplates(s) else {
            throw FunctionError("strconv.ParseFloat: parsing \(GoQuote.quote(s)): invalid syntax")
        }
        if x.isInfinite { throw FunctionError("strconv.ParseFloat: parsing \(GoQuote.quote(s)): value out of range") }
        return x
    }

    static func g4(_ v: Double) -> String {
        var f = GoFormat.Flags()
        f.precision = 4
        return GoFormat.float(v, verb: "g", f)
    }

    static func humanize(_ input: TemplateValue) throws -> String {
        var v = try toFloat(input)
        if v == 0 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        if abs(v) >= 1 {
            for p in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if abs(v) < 1000 { break }
                prefix = p
                v /= 1000
            }
            return g4(v) + prefix
        }
        for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(v) >= 1 { break }
            prefix = p
            v *= 1000
        }
        return g4(v) + prefix
    }

    static func humanize1024(_ input: TemplateValue) throws -> String {
        var v = try toFloat(input)
        if abs(v) <= 1 || v.isNaN || v.isInfinite { return g4(v) }
        var prefix = ""
        for p in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            if abs(v) < 1024 { break }
            prefix = p
            v /= 1024
        }
        return g4(v) + prefix
    }

    /// Go's `int64(f)` on amd64: truncation, with out-of-range values becoming MinInt64.
    static func goInt64(_ f: Double) -> Int64 {
        guard f.isFinite, f > -9.223372036854775808e18, f < 9.223372036854775808e18 else { return Int64.min }
        return Int64(f)
    }

    static func humanizeDuration(_ input: TemplateValue) throws -> String {
        var v = try toFloat(input)
        if v.isNaN || v.isInfinite { return g4(v) }
        if v == 0 { return g4(v) + "s" }
        if abs(v) >= 1 {
            var sign = ""
            if v < 0 {
                sign = "-"
                v = -v
            }
            let duration = goInt64(v)
            let seconds = duration % 60
            let minutes = (duration / 60) % 60
            let hours = (duration / 60 / 60) % 24
            let days = duration / 60 / 60 / 24
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(v) + "s"
        }
        var prefix = ""
        for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(v) >= 1 { break }
            prefix = p
            v *= 1000
        }
        return g4(v) + prefix + "s"
    }

    static func humanizePercentage(_ input: TemplateValue) throws -> String {
        g4(try toFloat(input) * 100) + "%"
    }

    enum TimeConversion {
        case time(GoTime)
        case nanOrInf
    }

    /// Prometheus's `floatToTime`: seconds to a UTC time truncated to milliseconds.
    static func floatToTime(_ v: Double) throws -> TimeConversion {
        if v.isNaN || v.isInfinite { return .nanOrInf }
        let ns = v * 1e9
        if ns > 9.223372036854775807e18 || ns < -9.223372036854775808e18 {
            throw FunctionError("\(GoFloat.formatV(v)) cannot be represented as a nanoseconds timestamp since it overflows int64")
        }
        return .time(GoTime.fromPrometheusNanos(goInt64(ns)))
    }

    static func humanizeTimestamp(_ input: TemplateValue) throws -> String {
        let v = try toFloat(input)
        switch try floatToTime(v) {
        case .nanOrInf: return g4(v)
        case .time(let t): return t.description
        }
    }

    static func toTime(_ input: TemplateValue) throws -> TemplateValue {
        switch try floatToTime(try toFloat(input)) {
        case .nanOrInf: throw FunctionError("value is NaN or Inf")
        case .time(let t): return .time(t)
        }
    }
}
