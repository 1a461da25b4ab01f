import Glibc

/// Nanoseconds on `CLOCK_MONOTONIC`: deadlines of the socket client, comparable across threads and
/// cheap to read (vDSO).
struct MonotonicTime: Comparable, Sendable {
    var nanoseconds: UInt64

    static func now() -> MonotonicTime {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return MonotonicTime(nanoseconds: UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec))
    }

    static func < (a: MonotonicTime, b: MonotonicTime) -> Bool { a.nanoseconds < b.nanoseconds }

    /// `self + d`, saturating; negative durations count as zero.
    func adding(_ d: Duration) -> MonotonicTime {
        let (s, atto) = d.components
        if s < 0 { return self }
        let ns = UInt64(clamping: s).multipliedReportingOverflow(by: 1_000_000_000)
        if ns.overflow { return MonotonicTime(nanoseconds: .max) }
        let total = ns.partialValue.addingReportingOverflow(UInt64(atto / 1_000_000_000))
        let sum = nanoseconds.addingReportingOverflow(total.partialValue)
        return MonotonicTime(nanoseconds: total.overflow || sum.overflow ? .max : sum.partialValue)
    }

    /// Time from `earlier` to `self` (zero if negative).
    func since(_ earlier: MonotonicTime) -> Duration {
        .nanoseconds(Int64(clamping: nanoseconds >= earlier.nanoseconds ? nanoseconds - earlier.nanoseconds : 0))
    }

    /// Milliseconds until `self`, rounded up, for `poll`; 0 when past, capped to a day.
    func millisecondsFrom(_ now: MonotonicTime) -> Int32 {
        guard nanoseconds > now.nanoseconds else { return 0 }
        let ms = (nanoseconds - now.nanoseconds + 999_999) / 1_000_000
        return Int32(min(ms, 86_400_000))
    }
}
