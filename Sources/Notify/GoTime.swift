import TimeSeries

/// RFC 3339 times as Go prints and parses them, in UTC, from milliseconds since the epoch.
///
/// Alertmanager's API v2 (`strfmt.DateTime`) writes milliseconds always (`.000Z`); Go's
/// `time.Time` JSON, which the webhook payload uses, writes the shortest fraction (`Z` alone for
/// whole seconds). A missing time is Go's zero time, `0001-01-01T00:00:00Z`.
public enum GoTime {
    public static let zero = "0001-01-01T00:00:00Z"

    /// `2006-01-02T15:04:05.000Z`: Alertmanager's API format.
    public static func rfc3339Millis(_ ms: Int64) -> String {
        let (seconds, millis) = split(ms)
        return civil(seconds) + "." + pad(Int64(millis), 3) + "Z"
    }

    /// `time.RFC3339Nano`: trailing zeros of the fraction dropped, no fraction on whole seconds.
    public static func rfc3339Nano(_ ms: Int64) -> String {
        let (seconds, millis) = split(ms)
        var out = civil(seconds)
        if millis != 0 {
            var frac = pad(Int64(millis), 3)
            while frac.hasSuffix("0") { frac.removeLast() }
            out += "." + frac
        }
        return out + "Z"
    }


    /// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` to milliseconds (fraction truncated).
    public static func parse(_ s: String) -> Int64? { CivilDate.parseRFC3339(s) }

    /// Whole seconds (floored) and the millisecond remainder (0...999).
    private static func split(_ ms: Int64) -> (Int64, Int) {
        let s = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
        return (s, Int(ms - s * 1000))
    }

    /// `YYYY-MM-DDTHH:MM:SS` of Unix seconds.
    private static func civil(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = seconds - days * 86_400
        let (y, m, d) = CivilDate.civilFromDays(days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3600, 2) + ":"
            + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(abs(v))
        let padded = s.count < width ? String(repeating: "0", count: width - s.count) + s : s
        return v < 0 ? "-" + padded : padded
    }


}
