/// A UTC instant as Go's `time.Time` (what Prometheus's `toTime` returns), with Go's
/// `String()` form and the accessor methods templates call on it.
public struct GoTime: Sendable, Equatable {
    /// Seconds since the Unix epoch.
    public var seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1e9.
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        var s = seconds
        var n = nanoseconds
        s += n / 1_000_000_000
        n %= 1_000_000_000
        if n < 0 {
            n += 1_000_000_000
            s -= 1
        }
        self.seconds = s
        self.nanoseconds = n
    }

    /// Prometheus's `model.TimeFromUnixNano(ns).Time()`: truncated to whole milliseconds.
    static func fromPrometheusNanos(_ ns: Int64) -> GoTime {
        let ms = ns / 1_000_000
        return GoTime(seconds: ms / 1000, nanoseconds: (ms % 1000) * 1_000_000)
    }

    struct Civil {
        var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int
        var weekday: Int  // 0 = Sunday
        var yearDay: Int  // 1-based
    }

    var civil: Civil {
        let days = floorDiv(seconds, 86400)
        let secs = Int(seconds - days * 86400)
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        if m <= 2 { y += 1 }
        let wd = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4).
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let yday = cumulative[m - 1] + d + (leap && m > 2 ? 1 : 0)
        return Civil(year: y, month: m, day: d, hour: secs / 3600, minute: (secs / 60) % 60,
                     second: secs % 60, weekday: wd, yearDay: yday)
    }

    /// Go's `Time.String()`: `2006-01-02 15:04:05.999999999 -0700 MST`, here always UTC.
    public var description: String { format("2006-01-02 15:04:05.999999999 -0700 MST") }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
