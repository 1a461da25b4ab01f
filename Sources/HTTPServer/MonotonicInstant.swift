import Glibc

/// Nanoseconds on `CLOCK_MONOTONIC`, for the connection deadlines of the event loop.
struct MonotonicInstant: Comparable, Sendable {
    var nanoseconds: UInt64

    static func now() -> MonotonicInstant {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return MonotonicInstant(nanoseconds: UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec))
    }

    static func < (a: MonotonicInstant, b: MonotonicInstant) -> Bool { a.nanoseconds < b.nanoseconds }

    /// `self + d`, saturating; negative durations count as zero.
    func adding(_ d: Duration) -> MonotonicInstant {
        let (s, atto) = d.components
        if s < 0 { return self }
        let ns = UInt64(clamping: s).multipliedReportingOverflow(by: 1_000_000_000)
        if ns.overflow { return MonotonicInstant(nanoseconds: .max) }
        let total = ns.partialValue.addingReportingOverflow(UInt64(atto / 1_000_000_000))
        let sum = nanoseconds.addingReportingOverflow(total.partialValue)
        return MonotonicInstant(nanoseconds: total.overflow || sum.overflow ? .max : sum.partialValue)
    }

    /// Milliseconds until `self`, rounded up, for `poll`; 0 when past, capped to a minute.
    func millisecondsFrom(_ now: MonotonicInstant) -> Int32 {
        guard nanoseconds > now.nanoseconds else { return 0 }
        let ms = (nanoseconds - now.nanoseconds + 999_999) / 1_000_000
        return Int32(min(ms, 60_000))
    }
}
