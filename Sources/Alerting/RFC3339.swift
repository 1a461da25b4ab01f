import TimeSeries

/// promtool's `parseTime`: Unix seconds (a float) or an RFC 3339 timestamp, to milliseconds.
enum RFC3339 {
    static func parseTimestamp(_ s: String) -> Int64? {
        if let seconds = Double(s), seconds.isFinite, abs(seconds) < 9.2e15 {
            let whole = seconds.rounded(.towardZero)
            return Int64(whole) * 1000 + Int64(((seconds - whole) * 1000).rounded(.towardZero))
        }
        return CivilDate.parseRFC3339(s, offsetBounds: false)
    }

}
