import Glibc

/// A point on the monotonic clock after which an I/O step gives up.
struct Deadline: Sendable {
    let nanoseconds: UInt64

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// `seconds` from now; negative or NaN timeouts mean "already expired", huge ones are capped at a day.
    init(secondsFromNow seconds: Double) {
        let clamped = seconds.isNaN ? 0 : min(max(seconds, 0), 86_400)
        nanoseconds = Deadline.now() &+ UInt64(clamped * 1e9)
    }

    /// Milliseconds left, rounded up, for `poll`; 0 once expired.
    var remainingMilliseconds: Int32 {
        let now = Deadline.now()
        guard nanoseconds > now else { return 0 }
        return Int32(min((nanoseconds - now + 999_999) / 1_000_000, UInt64(Int32.max)))
    }

    var hasExpired: Bool { Deadline.now() >= nanoseconds }
}
